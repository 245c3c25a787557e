package io.ratelink.capture;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.survey.Languages;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.capture.snapstart.CapturePriming;
import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.survey.Scale;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class CapturePrimingTest {

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "CreateTable", "UpdateTable", "DeleteTable");

    @Inject
    CapturePriming priming;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    RatelinkConfig config;

    @Test
    void primingWalksEveryPageOfTheClickPathInEveryLanguageAsExpectedAndWritesNothingToAnyTable() {
        List<String> tables = List.of(config.tables().ratings(), config.tables().agents(), config.tables().scores(),
                config.tables().escalations());
        Map<String, List<Map<String, AttributeValue>>> before = contents(tables);
        DynamoDbTraffic.ofTheApplication().clear();

        CapturePriming.Report report = priming.prime();

        assertThat(report.unexpected()).isEmpty();
        int languages = Languages.all().size();
        assertThat(report.requests()).isEqualTo(CapturePriming.REHEARSALS + languages * Scale.values().length * 4 + 1);
        for (String table : tables) {
            List<String> operations = new ArrayList<>(DynamoDbTraffic.ofTheApplication().requests().stream()
                    .filter(request -> request.table().equals(table)).map(DynamoDbTraffic.Request::operation).toList());
            if (table.equals(config.tables().ratings())) {
                assertThat(operations).as("the rehearsed click writes, refused on their condition")
                        .hasSize(CapturePriming.REHEARSALS).containsOnly("UpdateItem");
                operations.clear();
            }
            assertThat(operations).as(table).doesNotContainAnyElementsOf(WRITES);
        }
        Map<String, List<Map<String, AttributeValue>>> after = contents(tables);
        for (String table : List.of(config.tables().ratings(), config.tables().agents(), config.tables().scores())) {
            assertThat(after.get(table)).as(table).containsExactlyInAnyOrderElementsOf(before.get(table));
        }
    }


    private Map<String, List<Map<String, AttributeValue>>> contents(List<String> tables) {
        return tables.stream().collect(java.util.stream.Collectors.toMap(table -> table,
                table -> dynamo.scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items().stream()
                        .toList()));
    }
}
