package io.ratelink.http.escalations;

import io.ratelink.delivery.DelayQueue;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationTasks;
import io.ratelink.escalate.store.EscalationStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Hands a failed, held or unknown escalation to the escalate function to be sent again once: what the admin API's
 * {@code POST /v1/escalations/{id}/retry} and the dashboard's retry button both do.
 */
@ApplicationScoped
public class EscalationRetry {

    /** How a retry went. */
    public enum Outcome {
        /** Handed to the queue; its status shows how it went. */
        QUEUED,
        /** Not failed, held or unknown: nothing was done. */
        NOT_REPLAYABLE,
        /** No escalation has the id. */
        NOT_FOUND
    }

    /** The outcome and the escalation as it was read; empty only when not found. */
    public record Result(Outcome outcome, Optional<Escalation> escalation) {
    }

    private final EscalationStore store;
    private final DelayQueue queue;

    public EscalationRetry(EscalationStore store, DelayQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    public Optional<Escalation> find(EscalationId id) {
        return store.find(id);
    }

    public Result retry(EscalationId id) {
        Optional<Escalation> found = store.find(id);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, found);
        }
        return retry(found.get());
    }

    /** Retries an escalation already read (to check who may retry it, say). */
    public Result retry(Escalation escalation) {
        if (!escalation.status().isReplayable()) {
            return new Result(Outcome.NOT_REPLAYABLE, Optional.of(escalation));
        }
        queue.schedule(EscalationTasks.replay(escalation.id()), Duration.ZERO);
        return new Result(Outcome.QUEUED, Optional.of(escalation));
    }
}
