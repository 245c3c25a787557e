package io.ratelink.recompute;

import java.time.Instant;

/**
 * What one recompute run did, for the log, the scheduler's record and {@code POST /v1/recompute}.
 *
 * @param outcome          whether it ran or found another run holding the lease
 * @param mode             what it was asked to count
 * @param startedAt        when it started
 * @param finishedAt       when it finished
 * @param replayedPlan     the sequence number of a plan left unfinished by an earlier run that this run finished;
 *                         {@code null} when there was none
 * @param plan             the sequence number of the plan it committed; {@code null} when it had nothing to write
 * @param ratingsRead      ratings read from the change-time index (incremental) or the table (full rebuild)
 * @param ratingsRecounted ratings whose count moved, each written back with what is counted now
 * @param daysWritten      day histograms written or removed
 * @param seriesRolledUp   series whose windows the plan wrote
 * @param seriesRolledOver series whose windows were rolled up again because the day moved on
 * @param countsNotFound   counts a rating said were counted but its day histogram did not hold, so they could not
 *                         be taken away (each logged as {@value Recompute#COUNT_NOT_FOUND_LOG_TERM}); the rating's
 *                         new score was counted all the same, and a full rebuild recounts the day
 * @param watermark        the watermark after the run; {@code null} when it did not run
 * @param busyUntil        when the lease of the run that holds it runs out; {@code null} unless busy
 */
public record RecomputeReport(
        Outcome outcome,
        RecomputeMode mode,
        Instant startedAt,
        Instant finishedAt,
        Long replayedPlan,
        Long plan,
        int ratingsRead,
        int ratingsRecounted,
        int daysWritten,
        int seriesRolledUp,
        int seriesRolledOver,
        int countsNotFound,
        Instant watermark,
        Instant busyUntil) {

    public enum Outcome {
        /** The run counted what there was to count and wrote it. */
        DONE,
        /** Another run holds the lease; this one wrote nothing. */
        BUSY
    }

    static RecomputeReport busy(RecomputeMode mode, Instant at, Instant busyUntil) {
        return new RecomputeReport(Outcome.BUSY, mode, at, at, null, null, 0, 0, 0, 0, 0, 0, null, busyUntil);
    }
}
