package io.ratelink.notify;

import io.ratelink.local.FunctionZips;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function stays within its size budget and carries no development engine, no Vert.x to send mail, and
 * no SQS client: it sends settle checks to the queue with one signed request, and Lambda's event source receives them.
 */
class FunctionZipIT {

    private static final Path ZIP = Path.of("target", "function.zip");

    @Test
    void functionZipIsWithinItsBudgetAndHoldsNoDevelopmentEngine() throws Exception {
        long budget = Long.parseLong(System.getProperty("function.zip.budget"));

        assertThat(FunctionZips.problems(ZIP, budget)).isEmpty();
    }

    @Test
    void theFunctionCarriesNoSqsClient() throws Exception {
        assertThat(FunctionZips.entriesNamed(ZIP, List.of("awssdk.sqs", "software/amazon/awssdk/services/sqs/")))
                .isEmpty();
    }

    /** Mutiny's core stays: Qute looks for its Uni among the values it renders. */
    @Test
    void mailGoesOutWithJakartaMailWithoutTheMailerVertxOrNetty() throws Exception {
        List<String> libraries = FunctionZips.entriesNamed(ZIP, List.of("lib/"));

        assertThat(libraries).noneMatch(name -> name.contains("quarkus-mailer") || name.contains("vertx")
                || name.contains("netty"));
        assertThat(libraries).filteredOn(name -> name.contains("mutiny"))
                .allMatch(name -> name.matches("lib/io\\.smallrye\\.reactive\\.mutiny-[0-9.]+\\.jar"));
        assertThat(libraries).anyMatch(name -> name.startsWith("lib/org.eclipse.angus.smtp-"));
    }
}
