package io.ratelink.http.score;

import io.ratelink.score.store.RecomputeState;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /v1/recompute}: where the recompute stands, from its stored state — the outcome of a run asked for with
 * {@code POST /v1/recompute} shows here once it finished.
 *
 * @param running        whether a run holds the lease now
 * @param runningUntil   when the running run's lease runs out; {@code null} unless running
 * @param lastFinishedAt when the last run finished; {@code null} before the first
 * @param lastMode       what the last run did: {@code incremental} or {@code full}
 * @param watermark      every rating changed before this is counted
 * @param pendingPlan    a committed plan not yet written out in full (a run died); the next run finishes it
 * @param windowsAsOf    the day every series' windows are rolled up to
 */
public record RecomputeStatus(
        boolean running,
        Instant runningUntil,
        Instant lastFinishedAt,
        String lastMode,
        Instant watermark,
        Long pendingPlan,
        LocalDate windowsAsOf) {

    static RecomputeStatus of(RecomputeState state, Instant now) {
        boolean running = state.leaseHolder().isPresent() && state.leaseUntil().filter(now::isBefore).isPresent();
        return new RecomputeStatus(running, running ? state.leaseUntil().get() : null,
                state.lastFinishedAt().orElse(null), state.lastMode().orElse(null), state.watermark().orElse(null),
                state.pending().isPresent() ? state.pending().getAsLong() : null, state.windowsAsOf().orElse(null));
    }
}
