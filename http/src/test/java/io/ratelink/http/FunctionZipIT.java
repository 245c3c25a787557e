package io.ratelink.http;

import io.ratelink.local.FunctionZips;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function stays within its size budget and carries no development engine, no mail client, and no SQS
 * client: it sends to the queue with one signed request.
 */
class FunctionZipIT {

    private static final Path ZIP = Path.of("target", "function.zip");

    @Test
    void functionZipIsWithinItsBudgetAndHoldsNoDevelopmentEngine() throws Exception {
        long budget = Long.parseLong(System.getProperty("function.zip.budget"));

        assertThat(FunctionZips.problems(ZIP, budget)).isEmpty();
    }

    @Test
    void theFunctionCarriesNoMailClientAndNoMailTemplates() throws Exception {
        assertThat(FunctionZips.entriesNamed(ZIP, List.of("ratelink-mail", "angus", "jakarta.mail", "quarkus-mailer",
                "templates/EscalationMail/", "templates/SignInMail/"))).as("sign-in mails and replays go to the queue")
                .isEmpty();
    }

    @Test
    void theFunctionCarriesNoSqsClient() throws Exception {
        assertThat(FunctionZips.entriesNamed(ZIP, List.of("awssdk.sqs", "software/amazon/awssdk/services/sqs/")))
                .as("sign-in mails and replays are sent to the queue through AwsCall").isEmpty();
    }
}
