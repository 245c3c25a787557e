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

    /** The dev-mode stand-ins for the notify and escalate functions: their reads are not the request's. */
    private static final java.util.Set<String> BACKGROUND = java.util.Set.of("ratings-stream-poller", "escalation-queue-consumer");

    /** One request: its operation (e.g. {@code UpdateItem}) and the table it names, if any. */
    public record Request(String operation, String table) {
    }

    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (BACKGROUND.contains(Thread.currentThread().getName())) {
            return;
        }
        String target = context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("?");
        String table = context.request().getValueForField("TableName", String.class).orElse("");
        REQUESTS.add(new Request(target.substring(target.indexOf('.') + 1), table));
    }

    public static void clear() {
        REQUESTS.clear();
    }

    /**
     * The operations sent to one table. In tests the escalation poller of the notify path runs beside the
     * capture path and reads and writes its own tables; the ratings table is the click's alone.
     */
    public static List<String> operationsOn(String table) {
        return REQUESTS.stream().filter(r -> r.table().equals(table)).map(Request::operation).toList();
    }

}
