package io.ratelink.http.support;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registered on the application's DynamoDB client in the test profile ({@code quarkus.dynamodb.interceptors}):
 * records the operation of every request the application sends.
 */
public class DynamoRequestLog implements ExecutionInterceptor {

    private static final List<String> OPERATIONS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String target = context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("?");
        OPERATIONS.add(target.substring(target.indexOf('.') + 1));
    }

    public static void clear() {
        OPERATIONS.clear();
    }

    public static List<String> operations() {
        return List.copyOf(OPERATIONS);
    }
}
