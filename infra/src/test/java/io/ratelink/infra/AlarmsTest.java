package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlarmsTest {

    private final TemplateJson prod = SynthesizedStacks.prod();

    private Map<String, Object> alarm(String constructId) {
        return TemplateJson.properties(prod.resource("AWS::CloudWatch::Alarm", "Monitoring" + constructId));
    }

    @Test
    void everyFunctionAlarmsOnItsFirstError() {
        for (String function : List.of("Capture", "Http", "Recompute", "Notify", "Escalate")) {
            assertThat(alarm(function + "Errors")).as(function)
                    .containsEntry("Namespace", "AWS/Lambda")
                    .containsEntry("MetricName", "Errors")
                    .containsEntry("Statistic", "Sum")
                    .containsEntry("Threshold", 1)
                    .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", prod.functionId(function)))));
        }
    }

    @Test
    void aNotifierFallingBehindTheStreamAlarms() {
        assertThat(alarm("NotifyIteratorAge"))
                .containsEntry("MetricName", "IteratorAge")
                .containsEntry("Statistic", "Maximum")
                .containsEntry("Threshold", 300_000)
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", prod.functionId("Notify")))));
    }

    @Test
    void aMessageOnTheNotifyFailureQueueTheScheduleOrTheEscalationDeadLetterQueueAlarms() {
        for (String queue : List.of("NotifyStreamFailures", "RecomputeScheduleDlq", "EscalationDlq")) {
            assertThat(alarm(queue + "Messages")).as(queue)
                    .containsEntry("Namespace", "AWS/SQS")
                    .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                    .containsEntry("Threshold", 1)
                    .containsEntry("Dimensions", List.of(Map.of("Name", "QueueName",
                            "Value", Map.of("Fn::GetAtt", List.of(prod.logicalId("AWS::SQS::Queue", queue), "QueueName")))));
        }
    }

    @Test
    void aFailedOrUnknownEscalationLoggedByEscalateOrNotifyIsCountedAndAlarms() {
        for (String logs : List.of("EscalateLogs", "NotifyLogs")) {
            prod.template().hasResourceProperties("AWS::Logs::MetricFilter", Match.objectLike(Map.of(
                    "LogGroupName", Map.of("Ref", prod.logicalId("AWS::Logs::LogGroup", logs)),
                    "FilterPattern", "?\"escalation.failed\" ?\"escalation.unknown\"",
                    "MetricTransformations", List.of(Map.of(
                            "MetricNamespace", "Ratelink/prod",
                            "MetricName", Monitoring.ESCALATIONS_FAILED_METRIC,
                            "MetricValue", "1")))));
        }
        prod.template().resourceCountIs("AWS::Logs::MetricFilter", 2);
        assertThat(alarm("EscalationsFailed"))
                .containsEntry("Namespace", "Ratelink/prod")
                .containsEntry("MetricName", Monitoring.ESCALATIONS_FAILED_METRIC)
                .containsEntry("Threshold", 1);
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        String topic = prod.logicalId("AWS::SNS::Topic", "MonitoringAlarmTopic");
        prod.template().resourceCountIs("AWS::CloudWatch::Alarm", 10);
        prod.template().allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmActions", List.of(Map.of("Ref", topic)),
                "TreatMissingData", "notBreaching")));
    }
}
