package io.ratelink.storage;

import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests' traffic recorder sees the name a request carries, so that fault injection can go by it. */
class NamedOperationTrafficTest {

    private final DynamoDbTraffic traffic = new DynamoDbTraffic();
    private final DynamoDbClient dynamo = LocalDynamo.client(traffic);
    private final String table = LocalDynamo.freshTable(dynamo, Tables.AGENTS);

    @Test
    void aNamedRequestIsRecordedUnderItsNameAndAnUnnamedOneWithout() {
        traffic.clear();

        dynamo.describeTable(r -> r.tableName(table).overrideConfiguration(NamedOperation.named("agents.describe")));
        dynamo.describeTable(r -> r.tableName(table));

        assertThat(traffic.requests()).extracting(DynamoDbTraffic.Request::name)
                .containsExactly(Optional.of("agents.describe"), Optional.empty());
        assertThat(traffic.requests()).extracting(DynamoDbTraffic.Request::table).containsOnly(table);
    }

    @Test
    void aRefusedNameIsRefusedTheGivenNumberOfTimes() {
        traffic.refuse("agents.describe", 1);

        assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName(table)
                .overrideConfiguration(NamedOperation.named("agents.describe"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        dynamo.describeTable(r -> r.tableName(table).overrideConfiguration(NamedOperation.named("agents.describe")));

        assertThat(traffic.refused("agents.describe")).isEqualTo(1);
    }
}
