package io.ratelink.recompute.lambda;

import io.ratelink.local.FunctionZips;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function stays within its size budget and carries no development engine, and none of what only the
 * other functions use: mail, templates, the queue client, Vert.x and Netty, Mutiny.
 */
class FunctionZipIT {

    private static final Path ZIP = Path.of("target", "function.zip");

    @Test
    void functionZipIsWithinItsBudgetAndHoldsNoDevelopmentEngine() throws Exception {
        long budget = Long.parseLong(System.getProperty("function.zip.budget"));

        assertThat(FunctionZips.problems(ZIP, budget)).isEmpty();
    }

    @Test
    void theFunctionCarriesNoMailTemplatesQueueClientVertxOrMutiny() throws Exception {
        assertThat(FunctionZips.entriesNamed(ZIP, List.of("quarkus-mailer", "angus", "mail-client", "qute", "templates/",
                "awssdk.sqs", "io.vertx.", "quarkus-vertx", "io.netty.", "quarkus-netty", "mutiny"))).isEmpty();
    }
}
