package io.ratelink.score.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.ratelink.score.store.ScoreItem.*;
import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.namesIn;
import static io.ratelink.storage.Attributes.s;

/**
 * The recompute's state item, its lock and log in one: a run takes the lease on it, commits a plan, and finishes,
 * each step a conditional update that succeeds only for the run holding the lease.
 */
public class RecomputeLease {

    private final ScoreTable scores;

    RecomputeLease(ScoreTable scores) {
        this.scores = scores;
    }

    /** The state as it is now, read strongly consistent. */
    public RecomputeState state() {
        return ScoreItem.state(scores.dynamo.getItem(b -> b.tableName(scores.table).key(stateKey()).consistentRead(true)).item());
    }

    /**
     * Takes the recompute lease for {@code holder} until {@code until}, if nobody holds it or its holder's lease ran
     * out before {@code now}.
     *
     * @return the state with the lease taken, or empty if another run holds it
     */
    public Optional<RecomputeState> acquire(String holder, Instant now, Instant until) {
        String update = "SET #leaseHolder = :holder, #leaseUntil = :until";
        String condition = "attribute_not_exists(#leaseHolder) OR #leaseUntil < :now";
        try {
            return Optional.of(ScoreItem.state(scores.dynamo.updateItem(stateUpdate(ScoreOperation.ACQUIRE_LEASE, update, condition,
                    Map.of(":holder", s(holder), ":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes()));
        } catch (ConditionalCheckFailedException held) {
            return Optional.empty();
        }
    }

    /**
     * Commits a plan already saved in {@code chunks} items: from now on it is applied to the end, by this run or
     * the next holder of the lease. A plan may replace a pending one only when {@code replacing} names it.
     *
     * @throws LeaseLost if {@code holder} no longer holds the lease at {@code now}
     */
    public void commitPlan(String holder, Instant now, long sequence, int chunks, OptionalLong replacing) {
        String update = "SET #pending = :sequence, #pendingHolder = :holder, #pendingChunks = :chunks, #sequence = :sequence";
        String condition = "#leaseHolder = :holder AND #leaseUntil > :now AND "
                + (replacing.isPresent() ? "#pending = :replacing" : "attribute_not_exists(#pending)");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":sequence", n(sequence), ":chunks", n(chunks),
                ":holder", s(holder), ":now", n(now.toEpochMilli())));
        if (replacing.isPresent()) {
            values.put(":replacing", n(replacing.getAsLong()));
        }
        updateState(ScoreOperation.COMMIT_PLAN, holder, "committing plan " + sequence, update, condition, values);
    }

    /**
     * Records a finished run: the new watermark, and the pending plan, if it applied one, done.
     *
     * @param appliedPlan the plan it applied and now removes from pending, if any
     * @throws LeaseLost if {@code holder} no longer holds the lease
     */
    public void finish(String holder, OptionalLong appliedPlan, Instant watermark, Instant finishedAt, String mode) {
        String update = "SET #watermark = :watermark, #lastFinishedAt = :finishedAt, #lastMode = :mode"
                + (appliedPlan.isPresent() ? " REMOVE #pending, #pendingHolder, #pendingChunks" : "");
        String condition = "#leaseHolder = :holder AND "
                + (appliedPlan.isPresent() ? "#pending = :plan" : "attribute_not_exists(#pending)");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":watermark", n(watermark.toEpochMilli()),
                ":finishedAt", n(finishedAt.toEpochMilli()), ":mode", s(mode), ":holder", s(holder)));
        if (appliedPlan.isPresent()) {
            values.put(":plan", n(appliedPlan.getAsLong()));
        }
        updateState(ScoreOperation.FINISH, holder, "finishing", update, condition, values);
    }

    /** Records that every series' windows are rolled up to {@code day}. */
    public void windowsRolledUpTo(String holder, LocalDate day) {
        String update = "SET #windowsAsOf = :day";
        String condition = "#leaseHolder = :holder";
        updateState(ScoreOperation.RECORD_WINDOWS_DAY, holder, "recording the windows' day", update, condition,
                Map.of(":day", s(day.toString()), ":holder", s(holder)));
    }

    /** Gives the lease back, if {@code holder} still holds it. */
    public void release(String holder) {
        String update = "REMOVE #leaseHolder, #leaseUntil";
        String condition = "#leaseHolder = :holder";
        try {
            scores.dynamo.updateItem(stateUpdate(ScoreOperation.RELEASE_LEASE, update, condition, Map.of(":holder", s(holder))).build());
        } catch (ConditionalCheckFailedException notHeld) {
            // the lease ran out and another run took it: nothing of ours to give back
        }
    }

    private void updateState(ScoreOperation operation, String holder, String step, String update, String condition,
                             Map<String, AttributeValue> values) {
        try {
            scores.dynamo.updateItem(stateUpdate(operation, update, condition, values).build());
        } catch (ConditionalCheckFailedException refused) {
            throw new LeaseLost(holder, step);
        }
    }

    private UpdateItemRequest.Builder stateUpdate(ScoreOperation operation, String update, String condition,
                                                  Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder()
                .overrideConfiguration(operation.tag())
                .tableName(scores.table)
                .key(stateKey())
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(namesIn(update, condition))
                .expressionAttributeValues(values);
    }
}
