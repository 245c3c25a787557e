package io.ratelink.local;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The tests' view of a DynamoDB client: records every request it sends (operation, table, the name ratelink gave
 * it), and lets a test act just before a chosen request goes out — make a click land in the middle of a run, make
 * the run die there, or have the table refuse it.
 *
 * <p>A test builds the client with an instance of its own; an application configures the class in its test
 * profile ({@code quarkus.dynamodb.interceptors}) and the test reaches the instance Quarkus made through
 * {@link #ofTheApplication()}.
 */
public class DynamoDbTraffic implements ExecutionInterceptor {

    /** The execution attribute {@code io.ratelink.storage.NamedOperation} names a request by; this module cannot see it. */
    static final String NAME_ATTRIBUTE = "ratelink.operation";

    private static volatile DynamoDbTraffic lastMade;

    /**
     * One request as the client sent it.
     *
     * @param operation e.g. {@code UpdateItem}
     * @param table the table it names, the tables of a batch joined by commas, or empty
     * @param name the name ratelink gave the request, e.g. {@code scores.commit-plan}, if it gave one
     * @param thread the thread that sent it
     */
    public record Request(String operation, String table, Optional<String> name, String thread) {

        public boolean isNamed(String expected) {
            return name.filter(expected::equals).isPresent();
        }
    }

    /** What a test does just before a request goes out; throwing stops the request and fails the caller. */
    @FunctionalInterface
    public interface BeforeRequest {
        void run(Request request);
    }

    /** The failure a test injects, as a dying process or a lost connection would show it to the caller. */
    public static final class InjectedFailure extends RuntimeException {
        public InjectedFailure(String message) {
            super(message);
        }
    }

    private record Rule(Predicate<Request> matches, BeforeRequest action) {
    }

    private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> insideAction = ThreadLocal.withInitial(() -> false);

    public DynamoDbTraffic() {
        lastMade = this;
    }

    /** The instance the application's client was built with: the last one made. */
    public static DynamoDbTraffic ofTheApplication() {
        return Objects.requireNonNull(lastMade, "no DynamoDB client was built with " + DynamoDbTraffic.class.getName());
    }

    /** Every request sent since the last {@link #clear()}, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The operations sent since the last {@link #clear()}, in order, e.g. {@code [Query, UpdateItem]}. */
    public List<String> operations() {
        return requests.stream().map(Request::operation).toList();
    }

    /** Requests sent since the last {@link #clear()}, counted by operation. */
    public Map<String, Long> counts() {
        return requests.stream().collect(Collectors.groupingBy(Request::operation, TreeMap::new, Collectors.counting()));
    }

    /** Forgets the requests sent so far; the rules stay. */
    public void clear() {
        requests.clear();
    }

    /** Runs {@code action} before every request that {@code matches}; requests the action sends itself are not matched. */
    public void before(Predicate<Request> matches, BeforeRequest action) {
        rules.add(new Rule(matches, action));
    }

    /** Runs {@code action} before every request ratelink named {@code name}. */
    public void before(String name, BeforeRequest action) {
        before(request -> request.isNamed(name), action);
    }

    /** Has the table refuse the next {@code times} requests named {@code name}, as a throttled table refuses them. */
    public void refuse(String name, int times) {
        AtomicInteger left = new AtomicInteger(times);
        AtomicInteger count = new AtomicInteger();
        refused.put(name, count);
        before(name, request -> {
            if (left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                count.incrementAndGet();
                throw ProvisionedThroughputExceededException.builder()
                        .message("injected: the table refused " + name).build();
            }
        });
    }

    /** How many requests named {@code name} the table refused since {@link #refuse} armed it. */
    public int refused(String name) {
        AtomicInteger count = refused.get(name);
        return count == null ? 0 : count.get();
    }

    /** Forgets every rule and refusal. */
    public void clearRules() {
        rules.clear();
        refused.clear();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Request request = new Request(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                tableOf(context.request()), nameOf(attributes), Thread.currentThread().getName());
        requests.add(request);
        if (insideAction.get()) {
            return;
        }
        for (Rule rule : rules) {
            if (rule.matches().test(request)) {
                insideAction.set(true);
                try {
                    rule.action().run(request);
                } finally {
                    insideAction.set(false);
                }
            }
        }
    }

    private static String tableOf(SdkRequest request) {
        Optional<String> table = request.getValueForField("TableName", String.class);
        if (table.isPresent()) {
            return table.get();
        }
        return request.getValueForField("RequestItems", Map.class)
                .map(items -> ((Map<?, ?>) items).keySet().stream().map(String::valueOf).sorted()
                        .collect(Collectors.joining(",")))
                .orElse("");
    }

    private static Optional<String> nameOf(ExecutionAttributes attributes) {
        for (Map.Entry<ExecutionAttribute<?>, Object> attribute : attributes.getAttributes().entrySet()) {
            if (NAME_ATTRIBUTE.equals(attribute.getKey().toString())) {
                return Optional.of(String.valueOf(attribute.getValue()));
            }
        }
        return Optional.empty();
    }
}
