package io.ratelink.escalate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** When a rating escalates is plain Java: no Quarkus, no AWS SDK, no mail, so it is tested in milliseconds. */
class EscalationPolicyDependencyTest {

    @Test
    void thePolicyDependsOnlyOnTheJdkTheRatingAndTheScaleCatalogue() {
        JavaClasses escalate = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.escalate");

        classes().that().haveSimpleNameStartingWith("EscalationPolicy")
                .or().haveSimpleNameStartingWith("LowBands")
                .or().haveSimpleNameStartingWith("Decision")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.ratelink.escalate",
                        "io.ratelink.rating", "io.ratelink.survey")
                .check(escalate);
    }
}
