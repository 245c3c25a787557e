package io.ratelink.rating;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** How a click becomes a rating is plain Java: the ratings table lives in rating.store, the CDI wiring in rating.wiring. */
class RatingDomainDependencyTest {

    @Test
    void theDomainPackageUsesNoAwsSdkNoLambdaEventsAndNoQuarkus() {
        JavaClasses feature = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.rating");

        noClasses().that().resideInAPackage("io.ratelink.rating")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.quarkus..")
                .check(feature);
    }
}
