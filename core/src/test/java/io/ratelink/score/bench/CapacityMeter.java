package io.ratelink.score.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Asks DynamoDB for the capacity every request consumes and adds it up, reads and writes apart: what the same
 * work would be billed in AWS, on demand.
 */
final class CapacityMeter implements ExecutionInterceptor {

    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    double readUnits() {
        return readUnits.sum();
    }

    double writeUnits() {
        return writeUnits.sum();
    }

    void reset() {
        readUnits.reset();
        writeUnits.reset();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof ScanRequest scan) {
            return scan.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof BatchGetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof BatchWriteItemRequest write) {
            return write.toBuilder().returnConsumedCapacity(total).build();
        }
        if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        if (response instanceof QueryResponse query) {
            add(readUnits, query.consumedCapacity());
        } else if (response instanceof ScanResponse scan) {
            add(readUnits, scan.consumedCapacity());
        } else if (response instanceof GetItemResponse get) {
            add(readUnits, get.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse get) {
            addAll(readUnits, get.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse write) {
            addAll(writeUnits, write.consumedCapacity());
        } else if (response instanceof UpdateItemResponse update) {
            add(writeUnits, update.consumedCapacity());
        }
    }

    private static void addAll(DoubleAdder sum, List<ConsumedCapacity> capacities) {
        if (capacities != null) {
            capacities.forEach(capacity -> add(sum, capacity));
        }
    }

    private static void add(DoubleAdder sum, ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) {
            sum.add(capacity.capacityUnits());
        }
    }
}
