package io.ratelink.infra;

import io.ratelink.storage.Tables;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {

    private static final List<String> FUNCTIONS = List.of("Capture", "Http", "Recompute", "Notify", "Escalate");

    private final TemplateJson prod = SynthesizedStacks.prod();
    private final String ratings = prod.tableId(Tables.RATINGS.name());
    private final String agents = prod.tableId(Tables.AGENTS.name());
    private final String scores = prod.tableId(Tables.SCORES.name());
    private final String escalations = prod.tableId(Tables.ESCALATIONS.name());
    private final String signins = prod.tableId(Tables.SIGNINS.name());
    private final String escalationQueue = prod.logicalId("AWS::SQS::Queue", "EscalationQueue");

    @Test
    void everyFunctionHasItsOwnRoleWithNoManagedPolicy() {
        List<String> roles = FUNCTIONS.stream().map(prod::roleIdOf).toList();
        assertThat(roles).doesNotHaveDuplicates();
        for (String role : roles) {
            assertThat(TemplateJson.properties(prod.resources("AWS::IAM::Role").get(role))).doesNotContainKey("ManagedPolicyArns");
        }
    }

    @Test
    void noStatementGrantsAWildcardActionOrDynamoDbOnEveryResource() {
        for (String function : FUNCTIONS) {
            for (TemplateJson.Statement statement : prod.statementsOf(function)) {
                assertThat(statement.actions()).as(function).noneMatch(action -> action.endsWith("*"));
                if ("*".equals(statement.resource())) {
                    assertThat(statement.actions()).as(function + " on *").containsExactly("dynamodb:ListStreams");
                }
            }
        }
    }

    @Test
    void everyFunctionWritesOnlyToItsOwnLogGroup() {
        for (String function : FUNCTIONS) {
            String ownLogs = prod.logicalId("AWS::Logs::LogGroup", function + "Logs");
            assertThat(prod.statementsOf(function).stream().filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("logs:"))))
                    .as(function)
                    .singleElement()
                    .satisfies(statement -> {
                        assertThat(statement.actions()).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
                        assertThat(statement.resource()).isEqualTo(Map.of("Fn::GetAtt", List.of(ownLogs, "Arn")));
                    });
        }
    }

    @Test
    void captureOnlyUpdatesRatingsAndReadsItsKeys() {
        assertThat(prod.actionsOn("Capture", ratings)).containsExactly("dynamodb:UpdateItem");
        assertThat(prod.actionsOnIndexesOf("Capture", ratings)).isEmpty();
        for (String table : List.of(agents, scores, escalations, signins)) {
            assertThat(prod.actionsOn("Capture", table)).as(table).isEmpty();
        }
        assertThat(allActionsOf("Capture")).filteredOn(action -> !action.startsWith("logs:"))
                .containsExactlyInAnyOrder("dynamodb:UpdateItem", "secretsmanager:GetSecretValue");
    }

    @Test
    void httpReadsRatingsForTheAdminApiButHasNoneOfTheClicksOrTheRecomputesScanOrWrites() {
        assertThat(prod.actionsOn("Http", ratings)).containsExactly("dynamodb:GetItem");
        assertThat(prod.actionsOnIndexesOf("Http", ratings)).containsExactly("dynamodb:Query");
        assertThat(indexResourcesOf("Http", ratings)).containsExactly("/index/" + Tables.BY_CHANGE);
        assertThat(prod.actionsOn("Http", agents)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
        assertThat(prod.actionsOn("Http", scores)).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
        assertThat(allActionsOf("Http")).doesNotContain("dynamodb:Scan", "dynamodb:BatchWriteItem");
    }

    @Test
    void httpFindsAManagersAgentsThroughTheManagerIndexAndSpendsSignInLinksWithAConditionalPut() {
        assertThat(prod.actionsOnIndexesOf("Http", agents)).containsExactly("dynamodb:Query");
        assertThat(indexResourcesOf("Http", agents)).containsExactly("/index/" + Tables.BY_MANAGER);
        assertThat(prod.actionsOn("Http", signins)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
        for (String function : List.of("Recompute", "Notify", "Escalate")) {
            assertThat(prod.actionsOn(function, signins)).as(function).isEmpty();
            assertThat(prod.actionsOnIndexesOf(function, agents)).as(function).isEmpty();
        }
    }

    @Test
    void httpListsFailedEscalationsThroughTheStatusIndexAndReadsASurveysThreadForTheDashboard() {
        assertThat(prod.actionsOn("Http", escalations)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query");
        assertThat(prod.actionsOnIndexesOf("Http", escalations)).containsExactly("dynamodb:Query");
        assertThat(indexResourcesOf("Http", escalations)).containsExactly("/index/" + TableAccess.BY_STATUS);
    }

    @Test
    void httpHandsReplaysToTheEscalationQueueAndRecomputesToTheRecomputeFunctionOnly() {
        assertThat(sqsStatementsOf("Http")).singleElement().satisfies(statement -> {
            assertThat(statement.actions()).containsExactly("sqs:SendMessage");
            assertThat(statement.resource()).isEqualTo(Map.of("Fn::GetAtt", List.of(escalationQueue, "Arn")));
        });
        assertThat(prod.statementsOf("Http"))
                .filteredOn(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("lambda:")))
                .singleElement()
                .satisfies(statement -> {
                    assertThat(statement.actions()).containsExactly("lambda:InvokeFunction");
                    assertThat(statement.resource()).isEqualTo(Map.of("Fn::GetAtt", List.of(prod.functionId("Recompute"), "Arn")));
                });
        assertThat(allActionsOf("Http")).doesNotContain("dynamodb:GetRecords", "dynamodb:GetShardIterator");
    }

    @Test
    void recomputeReadsRatingsThroughTheIndexAndReadsAndWritesScores() {
        assertThat(prod.actionsOn("Recompute", ratings)).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:UpdateItem");
        assertThat(prod.actionsOnIndexesOf("Recompute", ratings)).containsExactly("dynamodb:Query");
        assertThat(indexResourcesOf("Recompute", ratings)).containsExactly("/index/" + Tables.BY_CHANGE);
        assertThat(prod.actionsOn("Recompute", scores)).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
        assertThat(prod.actionsOn("Recompute", agents)).isEmpty();
        assertThat(prod.actionsOn("Recompute", escalations)).isEmpty();
        assertThat(prod.actionsOnIndexesOf("Recompute", escalations)).isEmpty();
        assertThat(allActionsOf("Recompute")).noneMatch(action -> action.startsWith("sqs:") || action.startsWith("lambda:"));
    }

    @Test
    void recomputeMayOnlyUpdateRatingsItHasCountedNeverCreateOrDeleteThem() {
        assertThat(prod.actionsOn("Recompute", ratings))
                .contains("dynamodb:UpdateItem")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void notifyReadsTheRatingsStreamAndSchedulesOnTheEscalationQueueAndTouchesNoTable() {
        assertThat(prod.statementsOf("Notify"))
                .filteredOn(statement -> statement.resource().equals(Map.of("Fn::GetAtt", List.of(ratings, "StreamArn"))))
                .singleElement()
                .satisfies(statement -> assertThat(statement.actions()).containsExactlyInAnyOrder(
                        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"));
        for (String table : List.of(ratings, agents, scores, escalations)) {
            assertThat(prod.actionsOn("Notify", table)).as(table).isEmpty();
            assertThat(prod.actionsOnIndexesOf("Notify", table)).as(table).isEmpty();
        }
        String streamFailures = prod.logicalId("AWS::SQS::Queue", "NotifyStreamFailures");
        assertThat(sqsStatementsOf("Notify"))
                .allSatisfy(statement -> assertThat(statement.resource()).isIn(
                        Map.of("Fn::GetAtt", List.of(escalationQueue, "Arn")),
                        Map.of("Fn::GetAtt", List.of(streamFailures, "Arn"))))
                .filteredOn(statement -> statement.onResource(escalationQueue))
                .singleElement()
                .satisfies(statement -> assertThat(statement.actions()).containsExactly("sqs:SendMessage"));
    }

    @Test
    void escalateReadsTheRatingAgentAndRecentScoreAndClaimsFindsAndSettlesEscalations() {
        assertThat(prod.actionsOn("Escalate", ratings)).containsExactly("dynamodb:GetItem");
        assertThat(prod.actionsOn("Escalate", agents)).containsExactly("dynamodb:GetItem");
        assertThat(prod.actionsOn("Escalate", scores)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem");
        assertThat(prod.actionsOn("Escalate", escalations)).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
        for (String table : List.of(ratings, agents, scores, escalations)) {
            assertThat(prod.actionsOnIndexesOf("Escalate", table)).as(table).isEmpty();
        }
        assertThat(allActionsOf("Escalate")).doesNotContain("dynamodb:GetRecords", "dynamodb:Scan", "dynamodb:BatchWriteItem");
    }

    @Test
    void escalateConsumesTheEscalationQueueAndSendsToItToScheduleAgain() {
        Set<String> onQueue = new TreeSet<>();
        sqsStatementsOf("Escalate").forEach(statement -> {
            assertThat(statement.resource()).isEqualTo(Map.of("Fn::GetAtt", List.of(escalationQueue, "Arn")));
            onQueue.addAll(statement.actions());
        });
        assertThat(onQueue).containsExactlyInAnyOrder("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
    }

    @Test
    void mailGoesOverSmtpSoNoFunctionHasASesPermission() {
        for (String function : FUNCTIONS) {
            assertThat(allActionsOf(function)).as(function).noneMatch(action -> action.startsWith("ses:"));
        }
    }

    private Set<String> allActionsOf(String function) {
        Set<String> actions = new TreeSet<>();
        prod.statementsOf(function).forEach(statement -> actions.addAll(statement.actions()));
        return actions;
    }

    private List<TemplateJson.Statement> sqsStatementsOf(String function) {
        return prod.statementsOf(function).stream()
                .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("sqs:")))
                .toList();
    }

    /** The {@code /index/<name>} suffixes of the index ARNs the function's statements name on the table. */
    private List<String> indexResourcesOf(String function, String table) {
        return prod.statementsOf(function).stream()
                .filter(statement -> statement.onIndexOf(table))
                .map(statement -> String.valueOf(statement.resource()).replaceAll("(?s).*(/index/[A-Za-z0-9_.-]+).*", "$1"))
                .distinct()
                .toList();
    }
}
