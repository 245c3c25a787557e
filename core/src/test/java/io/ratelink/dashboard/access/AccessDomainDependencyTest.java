package io.ratelink.dashboard.access;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Sign-in, sessions and viewers are plain Java: DynamoDB in access.store, the mail in access.mail, CDI in access.wiring. */
class AccessDomainDependencyTest {

    @Test
    void theDomainPackageUsesNoAwsSdkNoLambdaEventsAndNoQuarkus() {
        JavaClasses feature = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.dashboard.access");

        noClasses().that().resideInAPackage("io.ratelink.dashboard.access")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.quarkus..")
                .check(feature);
    }
}
