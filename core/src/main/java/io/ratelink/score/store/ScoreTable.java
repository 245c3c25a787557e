package io.ratelink.score.store;

import io.ratelink.storage.BatchRetry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The scores table's client and name, with batched reads and writes that retry what DynamoDB left unprocessed. */
final class ScoreTable {

    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_WRITE_LIMIT = 25;

    final DynamoDbClient dynamo;
    final String table;

    ScoreTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void batchGet(ScoreOperation operation, List<Map<String, AttributeValue>> keys, boolean consistent,
                  Consumer<Map<String, AttributeValue>> each) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT)))
                    .consistentRead(consistent)
                    .build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                BatchRetry.beforeAttempt(attempt, "reading scores");
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask)
                        .overrideConfiguration(operation.tag()));
                response.responses().getOrDefault(table, List.of()).forEach(each);
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
    }

    void batchWrite(ScoreOperation operation, List<WriteRequest> writes, String what) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            Map<String, List<WriteRequest>> request = Map.of(table,
                    writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_LIMIT)));
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                BatchRetry.beforeAttempt(attempt, what);
                Map<String, List<WriteRequest>> ask = request;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(ask)
                        .overrideConfiguration(operation.tag()));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
