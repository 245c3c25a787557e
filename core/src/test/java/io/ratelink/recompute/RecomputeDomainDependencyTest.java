package io.ratelink.recompute;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The recompute's plan and run are plain Java: the scores and ratings tables are reached through their stores, the CDI wiring lives in recompute.wiring. */
class RecomputeDomainDependencyTest {

    @Test
    void theDomainPackageUsesNoAwsSdkNoLambdaEventsAndNoQuarkus() {
        JavaClasses feature = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.recompute");

        noClasses().that().resideInAPackage("io.ratelink.recompute")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.quarkus..")
                .check(feature);
    }
}
