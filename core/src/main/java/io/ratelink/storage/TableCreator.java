package io.ratelink.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates missing tables from their {@link TableSpec}s, on the embedded engine of dev mode and tests. */
public final class TableCreator {

    private final DynamoDbClient dynamo;

    public TableCreator(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Creates the table under its physical name unless it exists; returns whether it was created. */
    public boolean createIfMissing(TableSpec spec, String physicalName) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(key(spec.partitionKey(), KeyType.HASH, attributes));
        spec.sortKey().ifPresent(sort -> keys.add(key(sort, KeyType.RANGE, attributes)));
        List<GlobalSecondaryIndex> indexes = spec.indexes().stream()
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(key(index.partitionKey(), KeyType.HASH, attributes),
                                key(index.sortKey(), KeyType.RANGE, attributes))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .toList();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(physicalName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys)
                .attributeDefinitions(attributes.values());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (spec.streamsOldAndNewImages()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build());
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException exists) {
            return false;
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(physicalName));
        spec.ttlAttribute().ifPresent(attribute -> dynamo.updateTimeToLive(b -> b.tableName(physicalName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(true).attributeName(attribute).build())));
        return true;
    }

    private static KeySchemaElement key(TableSpec.Key key, KeyType type, Map<String, AttributeDefinition> attributes) {
        attributes.putIfAbsent(key.attribute(), AttributeDefinition.builder()
                .attributeName(key.attribute())
                .attributeType(key.type() == TableSpec.KeyType.STRING ? ScalarAttributeType.S : ScalarAttributeType.N)
                .build());
        return KeySchemaElement.builder().attributeName(key.attribute()).keyType(type).build();
    }
}
