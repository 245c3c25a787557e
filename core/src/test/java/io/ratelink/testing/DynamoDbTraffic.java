package io.ratelink.testing;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Watches every request a DynamoDB client sends: counts them by operation, and lets a test act just before a
 * chosen request goes out — make a click land in the middle of a run, or make the run die there.
 */
public final class DynamoDbTraffic implements ExecutionInterceptor {

    /** What a test does just before a request goes out; throwing stops the request and fails the caller. */
    @FunctionalInterface
    public interface BeforeRequest {
        void run(String operation, SdkRequest request);
    }

    /** The failure a test injects, as a dying process or a lost connection would show it to the run. */
    public static final class InjectedFailure extends RuntimeException {
        public InjectedFailure(String message) {
            super(message);
        }
    }

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Boolean> insideHook = ThreadLocal.withInitial(() -> false);

    private record Rule(Predicate<SdkRequest> matches, BeforeRequest action) {
    }

    /** Runs {@code action} before every request that {@code matches}; requests the action sends itself are not matched. */
    public void before(Predicate<SdkRequest> matches, BeforeRequest action) {
        rules.add(new Rule(matches, action));
    }

    /** Forgets every rule. */
    public void clearRules() {
        rules.clear();
    }

    /** Requests sent so far, by operation name ({@code Query}, {@code UpdateItem} …). */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, count) -> snapshot.put(operation, count.get()));
        return snapshot;
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void resetCounts() {
        counts.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation, name -> new AtomicLong()).incrementAndGet();
        if (insideHook.get()) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.matches().test(context.request())) {
                insideHook.set(true);
                try {
                    rule.action().run(operation, context.request());
                } finally {
                    insideHook.set(false);
                }
            }
        }
    }
}
