package io.ratelink.http.score;

import io.ratelink.recompute.RecomputeMode;

import java.time.Instant;

/**
 * The answer to {@code POST /v1/recompute}: the run was handed over ({@code 202}, {@code STARTED}) or another run
 * holds the lease ({@code 409}, {@code BUSY}).
 *
 * @param outcome     {@code STARTED} or {@code BUSY}
 * @param mode        what was asked for
 * @param runId       names the run in the recompute's log; {@code null} when busy
 * @param busyUntil   when the running run's lease runs out; {@code null} unless busy
 * @param status      where the outcome shows once the run finished
 */
public record RecomputeRequested(String outcome, RecomputeMode mode, String runId, Instant busyUntil, String status) {

    static final String STATUS_PATH = "/v1/recompute";

    static RecomputeRequested started(RecomputeMode mode, String runId) {
        return new RecomputeRequested("STARTED", mode, runId, null, STATUS_PATH);
    }

    static RecomputeRequested busy(RecomputeMode mode, Instant until) {
        return new RecomputeRequested("BUSY", mode, null, until, STATUS_PATH);
    }
}
