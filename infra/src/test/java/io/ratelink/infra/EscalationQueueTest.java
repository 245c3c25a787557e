package io.ratelink.infra;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationQueueTest {

    private final TemplateJson prod = SynthesizedStacks.prod();
    private final String queue = prod.logicalId("AWS::SQS::Queue", "EscalationQueue");
    private final String dlq = prod.logicalId("AWS::SQS::Queue", "EscalationDlq");

    @Test
    void theQueueIsAnEncryptedStandardQueueThatParksAMessageAfterFiveReceives() {
        Map<String, Object> properties = TemplateJson.properties(prod.resources("AWS::SQS::Queue").get(queue));
        assertThat(properties)
                .containsEntry("SqsManagedSseEnabled", true)
                .doesNotContainKey("FifoQueue")
                .containsEntry("RedrivePolicy", Map.of(
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlq, "Arn")),
                        "maxReceiveCount", 5));
        assertThat(((Number) properties.get("VisibilityTimeout")).intValue())
                .isGreaterThanOrEqualTo(6 * ((Number) prod.function("Escalate").get("Timeout")).intValue());
    }

    @Test
    void theDeadLetterQueueIsEncryptedAndKeepsMessagesTwoWeeks() {
        assertThat(TemplateJson.properties(prod.resources("AWS::SQS::Queue").get(dlq)))
                .containsEntry("SqsManagedSseEnabled", true)
                .containsEntry("MessageRetentionPeriod", 14 * 24 * 3600);
    }

    @Test
    void bothQueuesRefuseRequestsWithoutTls() {
        for (String id : List.of(queue, dlq)) {
            assertThat(prod.resources("AWS::SQS::QueuePolicy").values().stream()
                    .map(TemplateJson::properties)
                    .filter(policy -> policy.get("Queues").equals(List.of(Map.of("Ref", id))))
                    .map(Object::toString))
                    .as(id)
                    .anyMatch(policy -> policy.contains("aws:SecureTransport") && policy.contains("Deny"));
        }
    }

    @Test
    void escalateConsumesTheQueueTenAtATimeReportingEachFailedMessage() {
        assertThat(TemplateJson.properties(prod.resource("AWS::Lambda::EventSourceMapping", "EscalateFunctionSqsEventSource")))
                .containsEntry("FunctionName", Map.of("Ref", prod.functionId("Escalate")))
                .containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of(queue, "Arn")))
                .containsEntry("BatchSize", 10)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    }

    @Test
    void theStreamStillFeedsNotifyAndNothingElse() {
        assertThat(prod.resources("AWS::Lambda::EventSourceMapping").values().stream()
                .map(TemplateJson::properties)
                .filter(mapping -> String.valueOf(mapping.get("EventSourceArn")).contains("StreamArn"))
                .map(mapping -> mapping.get("FunctionName")))
                .containsExactly(Map.of("Ref", prod.functionId("Notify")));
    }
}
