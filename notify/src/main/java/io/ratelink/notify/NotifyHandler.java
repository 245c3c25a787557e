package io.ratelink.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ratelink.delivery.Deadline;
import io.ratelink.escalate.stream.SettleChecks;
import jakarta.inject.Named;

import java.time.Duration;

/**
 * The notify function: the ratings table's stream, filtered at the event source to counted low ratings, gives each
 * change a settle check on the escalation queue. Records it could not schedule come back as batch item failures.
 */
@Named("notify")
public class NotifyHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    static final Duration MARGIN = Duration.ofSeconds(2);

    private final SettleChecks checks;

    public NotifyHandler(SettleChecks checks) {
        this.checks = checks;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return checks.handle(event, Deadline.fromRemaining(context.getRemainingTimeInMillis(), MARGIN));
    }
}
