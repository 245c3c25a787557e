package io.ratelink.notify;

import io.ratelink.storage.NamedOperation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DynamoDB client's interceptor in the tests: a test arms a named operation (e.g. {@code escalations.mark-sent})
 * to be refused, as a throttling table refuses it, the next {@code times} times it is called.
 */
public class FaultInjection implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> REFUSALS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REFUSED = new ConcurrentHashMap<>();

    static void refuse(String operation, int times) {
        REFUSALS.put(operation, new AtomicInteger(times));
        REFUSED.put(operation, new AtomicInteger());
    }

    static int refused(String operation) {
        return REFUSED.getOrDefault(operation, new AtomicInteger()).get();
    }

    static void clear() {
        REFUSALS.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        NamedOperation.of(attributes).ifPresent(operation -> {
            AtomicInteger left = REFUSALS.get(operation);
            if (left != null && left.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
                REFUSED.get(operation).incrementAndGet();
                throw ProvisionedThroughputExceededException.builder()
                        .message("injected: the table refused " + operation).build();
            }
        });
    }
}
