package io.ratelink.score.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the recompute stands, kept in one item of the scores table so that each step of a run is one
 * conditional write on it.
 *
 * @param watermark      every rating changed up to here (less the overlap the next run reads again) is counted;
 *                       empty before the first run, which is then a full rebuild
 * @param sequence       the sequence number of the last plan committed; the next plan takes the next one
 * @param pending        a committed plan not yet wholly applied; whoever holds the lease next applies it
 * @param pendingHolder  the run that saved and committed the pending plan: its plan items carry that name
 * @param pendingChunks  how many items the pending plan is stored in
 * @param leaseHolder    the run allowed to write, if any
 * @param leaseUntil     when that run's lease runs out: after it, another run may take the lease
 * @param windowsAsOf    the day every series' windows have been rolled up to
 * @param lastFinishedAt when the last run finished
 * @param lastMode       what the last run did ({@code incremental} or {@code full})
 */
public record RecomputeState(
        Optional<Instant> watermark,
        long sequence,
        OptionalLong pending,
        Optional<String> pendingHolder,
        int pendingChunks,
        Optional<String> leaseHolder,
        Optional<Instant> leaseUntil,
        Optional<LocalDate> windowsAsOf,
        Optional<Instant> lastFinishedAt,
        Optional<String> lastMode) {

    /** The state before any run. */
    public static RecomputeState initial() {
        return new RecomputeState(Optional.empty(), 0, OptionalLong.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
