package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecomputeScheduleTest {

    private final TemplateJson prod = SynthesizedStacks.prod();

    @Test
    void theScheduleRateIsADeployParameter() {
        prod.template().hasParameter("RecomputeSchedule", Match.objectLike(Map.of(
                "Type", "String", "Default", "rate(15 minutes)")));
        prod.template().hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", Map.of("Ref", "RecomputeSchedule"),
                "State", "ENABLED")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRuleTargetsRecomputeWithARetryPolicyAndADeadLetterQueue() {
        Map<String, Object> rule = TemplateJson.properties(prod.resource("AWS::Events::Rule", "RecomputeScheduleRule"));
        String dlq = prod.logicalId("AWS::SQS::Queue", "RecomputeScheduleDlq");
        assertThat((List<Object>) rule.get("Targets")).singleElement().satisfies(target -> {
            Map<String, Object> t = (Map<String, Object>) target;
            assertThat(t.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of(prod.functionId("Recompute"), "Arn")));
            assertThat(t.get("RetryPolicy")).isEqualTo(Map.of("MaximumEventAgeInSeconds", 1800, "MaximumRetryAttempts", 3));
            assertThat(t.get("DeadLetterConfig")).isEqualTo(Map.of("Arn", Map.of("Fn::GetAtt", List.of(dlq, "Arn"))));
        });
    }

    @Test
    void eventBridgeMayInvokeRecomputeAndFillItsDeadLetterQueue() {
        String ruleArn = prod.logicalId("AWS::Events::Rule", "RecomputeScheduleRule");
        prod.template().hasResourceProperties("AWS::Lambda::Permission", Match.objectLike(Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "events.amazonaws.com",
                "FunctionName", Map.of("Fn::GetAtt", List.of(prod.functionId("Recompute"), "Arn")),
                "SourceArn", Map.of("Fn::GetAtt", List.of(ruleArn, "Arn")))));
        prod.template().hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                "Queues", List.of(Map.of("Ref", prod.logicalId("AWS::SQS::Queue", "RecomputeScheduleDlq"))),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "sqs:SendMessage",
                        "Principal", Map.of("Service", "events.amazonaws.com"))))))))));
    }
}
