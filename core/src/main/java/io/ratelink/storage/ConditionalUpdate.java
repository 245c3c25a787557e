package io.ratelink.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.Map;

/**
 * The stores' one shape of write: an {@code UpdateItem} on a condition, whose refusal returns the item as it was, so
 * that the caller can decide again from it without a read.
 */
public final class ConditionalUpdate {

    private ConditionalUpdate() {
    }

    /**
     * The request, with the names of every {@code #placeholder} in the update and the condition; the caller adds what
     * it returns on success and the request's name.
     */
    public static UpdateItemRequest.Builder of(String table, Map<String, AttributeValue> key, String update,
            String condition, Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(Attributes.namesIn(update, condition))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
}
