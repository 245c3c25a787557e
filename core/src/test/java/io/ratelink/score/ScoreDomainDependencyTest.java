package io.ratelink.score;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The scoring domain is plain Java: no Quarkus, no AWS SDK, no storage. Adapters that store scores belong
 * in a package of their own and depend on this one, never the other way round.
 */
class ScoreDomainDependencyTest {

    @Test
    void scoringDomainDependsOnlyOnTheJdkAndTheScaleCatalogue() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.score");

        classes().that().resideInAPackage("io.ratelink.score")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.ratelink.score", "io.ratelink.survey")
                .check(domain);
    }
}
