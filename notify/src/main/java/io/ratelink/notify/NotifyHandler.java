package io.ratelink.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ratelink.escalate.StreamEscalations;
import jakarta.inject.Named;

/**
 * The notify function: the ratings table's stream, filtered at the event source to counted low ratings, escalates
 * them to the agent's manager. Records it could not handle come back as batch item failures, for Lambda to redeliver.
 */
@Named("notify")
public class NotifyHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final StreamEscalations escalations;

    public NotifyHandler(StreamEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return escalations.handle(event);
    }
}
