package io.ratelink.dashboard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dashboard's domain is plain Java; reading the tables is {@code dashboard.store}'s, wiring {@code dashboard.wiring}'s. */
class DashboardDomainDependencyTest {

    @Test
    void theDomainPackageUsesNoAwsSdkNoLambdaEventsAndNoQuarkus() {
        JavaClasses feature = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.dashboard");

        noClasses().that().resideInAPackage("io.ratelink.dashboard")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "io.quarkus..", "jakarta..", "io.ratelink.dashboard.store..", "io.ratelink.score.store..",
                        "io.ratelink.rating.store..", "io.ratelink.storage..")
                .check(feature);
    }
}
