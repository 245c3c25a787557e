package io.ratelink.infra;

import io.ratelink.storage.TableSpec;
import io.ratelink.storage.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TablesTest {

    @Test
    void everySpecBecomesAnOnDemandTableWithItsKeysAndPointInTimeRecovery() {
        TemplateJson prod = SynthesizedStacks.prod();
        prod.template().resourceCountIs("AWS::DynamoDB::Table", Tables.ALL.size());
        for (TableSpec spec : Tables.ALL) {
            List<Object> keySchema = new ArrayList<>();
            keySchema.add(Map.of("AttributeName", spec.partitionKey().attribute(), "KeyType", "HASH"));
            spec.sortKey().ifPresent(sortKey -> keySchema.add(Map.of("AttributeName", sortKey.attribute(), "KeyType", "RANGE")));
            prod.template().hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                    "KeySchema", keySchema,
                    "BillingMode", "PAY_PER_REQUEST",
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ratingsHasItsChangeIndexWithAllAttributesItsStreamAndTimeToLive() {
        TableSpec.IndexSpec byChange = Tables.RATINGS.indexes().get(0);
        Map<String, Object> ratings = TemplateJson.properties(
                SynthesizedStacks.prod().resources("AWS::DynamoDB::Table").get(SynthesizedStacks.prod().tableId(Tables.RATINGS.name())));

        assertThat(ratings.get("StreamSpecification")).isEqualTo(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"));
        assertThat(ratings.get("TimeToLiveSpecification"))
                .isEqualTo(Map.of("AttributeName", Tables.RATINGS.ttlAttribute().orElseThrow(), "Enabled", true));
        assertThat(ratings.get("GlobalSecondaryIndexes")).isEqualTo(List.of(Map.of(
                "IndexName", byChange.name(),
                "KeySchema", List.of(
                        Map.of("AttributeName", byChange.partitionKey().attribute(), "KeyType", "HASH"),
                        Map.of("AttributeName", byChange.sortKey().attribute(), "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"))));
        assertThat((List<Object>) ratings.get("AttributeDefinitions")).contains(
                Map.of("AttributeName", byChange.sortKey().attribute(), "AttributeType", "N"));
    }

    @Test
    void agentsHaveTheirIndexByManagerAndSignInsTheirTimeToLive() {
        TemplateJson prod = SynthesizedStacks.prod();
        Map<String, Object> agents = TemplateJson.properties(prod.resources("AWS::DynamoDB::Table").get(prod.tableId(Tables.AGENTS.name())));
        Map<String, Object> signins = TemplateJson.properties(prod.resources("AWS::DynamoDB::Table").get(prod.tableId(Tables.SIGNINS.name())));

        assertThat(agents.get("GlobalSecondaryIndexes")).isEqualTo(List.of(Map.of(
                "IndexName", Tables.BY_MANAGER,
                "KeySchema", List.of(
                        Map.of("AttributeName", "managerKey", "KeyType", "HASH"),
                        Map.of("AttributeName", "agentId", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"))));
        assertThat(signins.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "linkId", "KeyType", "HASH")));
        assertThat(signins.get("TimeToLiveSpecification")).isEqualTo(Map.of("AttributeName", "purgeAt", "Enabled", true));
    }

    @Test
    void onlyTablesWhoseSpecAsksForAStreamHaveOne() {
        TemplateJson prod = SynthesizedStacks.prod();
        for (TableSpec spec : Tables.ALL) {
            Map<String, Object> table = TemplateJson.properties(prod.resources("AWS::DynamoDB::Table").get(prod.tableId(spec.name())));
            assertThat(table.containsKey("StreamSpecification")).as(spec.name()).isEqualTo(spec.streamsOldAndNewImages());
        }
    }

    @Test
    void prodTablesAreRetainedAndProtectedFromDeletion() {
        SynthesizedStacks.prod().template().allResources("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", true)))));
    }

    @Test
    void otherStagesCanBeTornDownWithTheirTables() {
        SynthesizedStacks.devWithOptions().template().allResources("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("DeletionProtectionEnabled", false)))));
    }

    @Test
    void addingASpecAddsTheTableAndItsNameToEveryFunction() {
        TemplateJson withEscalations = SynthesizedStacks.devWithOptions();
        String escalationsId = withEscalations.tableId(Tables.ESCALATIONS.name());
        for (String function : List.of("Capture", "Http", "Recompute", "Notify", "Escalate")) {
            assertThat(withEscalations.environment(function))
                    .containsEntry("RATELINK_TABLES_ESCALATIONS", Map.of("Ref", escalationsId));
        }
    }
}
