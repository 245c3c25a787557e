package io.ratelink.notify;

import io.ratelink.local.FunctionZips;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function stays within its size budget and carries no development engine, and no SQS client: it sends
 * settle checks to the queue with one signed request, and Lambda's event source receives them.
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
}
