package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyStreamTest {

    private final TemplateJson prod = SynthesizedStacks.prod();
    private final Map<String, Object> mapping = TemplateJson.properties(
            prod.resource("AWS::Lambda::EventSourceMapping", "NotifyFunctionDynamoDBEventSource"));

    @Test
    void notifyReadsTheRatingsStreamFromItsLatestRecord() {
        assertThat(mapping)
                .containsEntry("FunctionName", Map.of("Ref", prod.functionId("Notify")))
                .containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of(prod.tableId("ratings"), "StreamArn")))
                .containsEntry("StartingPosition", "LATEST");
    }

    @Test
    void onlyCountedLowRatingsWakeNotify() {
        prod.template().hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern", Match.serializedJson(Match.objectEquals(Map.of(
                        "dynamodb", Map.of("NewImage", Map.of(
                                "low", Map.of("BOOL", List.of(true)),
                                "status", Map.of("S", List.of("counted")))))))))))));
    }

    @Test
    void aFailedRecordIsRetriedAloneAndThenParkedOnTheFailureQueue() {
        assertThat(mapping)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("BisectBatchOnFunctionError", true)
                .containsEntry("MaximumRetryAttempts", 5)
                .containsEntry("MaximumRecordAgeInSeconds", 6 * 3600)
                .containsEntry("DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(prod.logicalId("AWS::SQS::Queue", "NotifyStreamFailures"), "Arn")))));
    }

    @Test
    void theFailureQueueIsEncryptedAndKeepsMessagesTwoWeeks() {
        assertThat(TemplateJson.properties(prod.resource("AWS::SQS::Queue", "NotifyStreamFailures")))
                .containsEntry("SqsManagedSseEnabled", true)
                .containsEntry("MessageRetentionPeriod", 14 * 24 * 3600);
    }
}
