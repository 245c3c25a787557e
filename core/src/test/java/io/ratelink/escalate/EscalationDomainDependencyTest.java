package io.ratelink.escalate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The escalation domain is plain Java: the escalations and agents tables live in escalate.store, the stream records in
 * escalate.stream, the CDI wiring in escalate.wiring, and the email in escalate.mail (the mail module): the
 * {@link Escalator} sends whatever its {@link EscalationComposer} writes through a channel of the same type.
 */
class EscalationDomainDependencyTest {

    @Test
    void theDomainPackageUsesNoAwsSdkNoLambdaEventsAndNoQuarkus() {
        JavaClasses feature = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ratelink.escalate");

        noClasses().that().resideInAPackage("io.ratelink.escalate")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.quarkus..")
                .check(feature);
    }
}
