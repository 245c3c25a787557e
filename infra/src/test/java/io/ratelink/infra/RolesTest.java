package io.ratelink.infra;

import io.ratelink.storage.Tables;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {

    private static final Set<String> TABLE_WRITES =
            Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

    private final TemplateJson prod = SynthesizedStacks.prod();
    private final String ratings = prod.tableId(Tables.RATINGS.name());
    private final String agents = prod.tableId(Tables.AGENTS.name());
    private final String scores = prod.tableId(Tables.SCORES.name());
    private final String escalations = prod.tableId(Tables.ESCALATIONS.name());

    @Test
    void everyFunctionHasItsOwnRoleWithNoManagedPolicy() {
        List<String> roles = List.of(prod.roleIdOf("Http"), prod.roleIdOf("Recompute"), prod.roleIdOf("Notify"));
        assertThat(roles).doesNotHaveDuplicates();
        for (String role : roles) {
            assertThat(TemplateJson.properties(prod.resources("AWS::IAM::Role").get(role))).doesNotContainKey("ManagedPolicyArns");
        }
    }

    @Test
    void noStatementGrantsAWildcardActionOrDynamoDbOnEveryResource() {
        for (String function : List.of("Http", "Recompute", "Notify")) {
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
        for (String function : List.of("Http", "Recompute", "Notify")) {
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
    void httpCapturesWithUpdateItemReadsForTheAdminApiAndRecomputesInProcess() {
        assertThat(prod.actionsOn("Http", ratings)).containsExactlyInAnyOrder(
                "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Scan");
        assertThat(prod.actionsOnIndexesOf("Http", ratings)).containsExactly("dynamodb:Query");
        assertThat(indexResourcesOf("Http", ratings)).containsExactly("/index/" + Tables.BY_CHANGE);
        assertThat(prod.actionsOn("Http", agents)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
        assertThat(prod.actionsOn("Http", scores)).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void httpListsFailedEscalationsThroughTheStatusIndexAndReplaysThemWithUpdateItem() {
        assertThat(prod.actionsOn("Http", escalations)).containsExactly("dynamodb:UpdateItem");
        assertThat(prod.actionsOnIndexesOf("Http", escalations)).containsExactly("dynamodb:Query");
        assertThat(indexResourcesOf("Http", escalations)).containsExactly("/index/" + TableAccess.BY_STATUS);
    }

    @Test
    void httpReadsNoStreamAndSendsNoMessage() {
        assertThat(prod.statementsOf("Http")).allSatisfy(statement -> {
            assertThat(statement.actions()).noneMatch(action -> action.startsWith("sqs:") || action.startsWith("ses:"));
            assertThat(statement.actions()).doesNotContain("dynamodb:GetRecords", "dynamodb:GetShardIterator");
        });
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
    }

    @Test
    void recomputeMayOnlyUpdateRatingsItHasCountedNeverCreateOrDeleteThem() {
        assertThat(prod.actionsOn("Recompute", ratings))
                .contains("dynamodb:UpdateItem")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void notifyReadsTheRatingsStreamAgentsAndRecentScoresAndCannotWriteRatingsOrScores() {
        assertThat(prod.statementsOf("Notify"))
                .filteredOn(statement -> statement.resource().equals(Map.of("Fn::GetAtt", List.of(ratings, "StreamArn"))))
                .singleElement()
                .satisfies(statement -> assertThat(statement.actions()).containsExactlyInAnyOrder(
                        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"));
        assertThat(prod.actionsOn("Notify", agents)).containsExactly("dynamodb:GetItem");
        assertThat(prod.actionsOn("Notify", ratings)).doesNotContainAnyElementsOf(TABLE_WRITES).isEmpty();
        assertThat(prod.actionsOnIndexesOf("Notify", ratings)).isEmpty();
        assertThat(prod.actionsOn("Notify", scores)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:BatchGetItem");
    }

    @Test
    void notifyClaimsFindsAndSettlesEscalationsOnTheTableOnly() {
        assertThat(prod.actionsOn("Notify", escalations)).containsExactlyInAnyOrder(
                "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem");
        assertThat(prod.actionsOnIndexesOf("Notify", escalations)).isEmpty();
    }

    @Test
    void notifySendsMailOverSmtpSoHasNoSesPermission() {
        for (String function : List.of("Http", "Recompute", "Notify")) {
            assertThat(prod.statementsOf(function)).as(function)
                    .allSatisfy(statement -> assertThat(statement.actions()).noneMatch(action -> action.startsWith("ses:")));
        }
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
