package io.ratelink.http.support;

import io.ratelink.local.DynamoDbTraffic;

import java.util.List;
import java.util.Set;

/**
 * The DynamoDB requests the application sent for the test's calls ({@link DynamoDbTraffic} is its client's
 * interceptor in the test profile): the dev-mode stand-ins for the notify and escalate functions run beside it on
 * their own threads, and their requests are left out.
 */
public final class ApplicationTraffic {

    private static final Set<String> BACKGROUND = Set.of("ratings-stream-poller", "escalation-queue-consumer");

    private ApplicationTraffic() {
    }

    public static void clear() {
        DynamoDbTraffic.ofTheApplication().clear();
    }

    /** The operations sent to one table, e.g. {@code [UpdateItem]}. */
    public static List<String> operationsOn(String table) {
        return DynamoDbTraffic.ofTheApplication().requests().stream()
                .filter(request -> !BACKGROUND.contains(request.thread()) && request.table().equals(table))
                .map(DynamoDbTraffic.Request::operation)
                .toList();
    }
}
