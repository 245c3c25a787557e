package io.ratelink.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.sqs.DueTaskBatch;
import jakarta.inject.Named;

/**
 * The escalate function (the notify module's second handler, {@code QUARKUS_LAMBDA_HANDLER=escalate}): the
 * escalation queue's settled checks and replays, sent within the invocation's remaining time. Tasks it could not do
 * in time come back as batch item failures, for SQS to hand back.
 */
@Named("escalate")
public class EscalateHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final DueTaskBatch tasks;

    public EscalateHandler(DueTaskBatch tasks) {
        this.tasks = tasks;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return tasks.handle(event, Deadline.fromRemaining(context.getRemainingTimeInMillis(), NotifyHandler.MARGIN));
    }
}
