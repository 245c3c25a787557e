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
                "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan");
        assertThat(prod.actionsOnIndexesOf("Http", ratings)).containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:Scan");
        assertThat(prod.actionsOn("Http", agents)).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
        assertThat(prod.actionsOn("Http", scores)).contains("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(prod.actionsOn("Http", ratings)).doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        assertThat(prod.actionsOn("Http", agents)).doesNotContain("dynamodb:DeleteItem", "dynamodb:Scan");
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
        assertThat(prod.actionsOn("Recompute", ratings)).contains("dynamodb:Query", "dynamodb:Scan");
        assertThat(prod.actionsOnIndexesOf("Recompute", ratings)).containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:Scan");
        assertThat(prod.actionsOn("Recompute", scores)).contains(
                "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
        assertThat(prod.actionsOn("Recompute", agents)).isEmpty();
    }

    @Test
    void recomputeMayOnlyUpdateRatingsItHasCountedNeverCreateOrDeleteThem() {
        assertThat(prod.actionsOn("Recompute", ratings))
                .contains("dynamodb:UpdateItem")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void notifyReadsTheRatingsStreamAndAgentsAndCannotWriteRatingsOrTouchScores() {
        assertThat(prod.statementsOf("Notify"))
                .filteredOn(statement -> statement.resource().equals(Map.of("Fn::GetAtt", List.of(ratings, "StreamArn"))))
                .singleElement()
                .satisfies(statement -> assertThat(statement.actions()).containsExactlyInAnyOrder(
                        "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"));
        assertThat(prod.actionsOn("Notify", agents)).containsExactly("dynamodb:GetItem");
        assertThat(prod.actionsOn("Notify", ratings)).doesNotContainAnyElementsOf(TABLE_WRITES).isEmpty();
        assertThat(prod.actionsOn("Notify", scores)).isEmpty();
    }

    @Test
    void notifySendsMailOverSmtpSoHasNoSesPermission() {
        for (String function : List.of("Http", "Recompute", "Notify")) {
            assertThat(prod.statementsOf(function)).as(function)
                    .allSatisfy(statement -> assertThat(statement.actions()).noneMatch(action -> action.startsWith("ses:")));
        }
    }

    @Test
    void notifyReadsAndWritesEscalationsOnceThatTableExists() {
        TemplateJson withEscalations = SynthesizedStacks.devWithOptions();
        String escalations = withEscalations.tableId(TableAccess.ESCALATIONS_TABLE);
        assertThat(withEscalations.actionsOn("Notify", escalations)).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(withEscalations.actionsOn("Http", escalations)).isEmpty();
        assertThat(withEscalations.actionsOn("Recompute", escalations)).isEmpty();
    }
}
