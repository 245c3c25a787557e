package io.ratelink.http.score;

import io.ratelink.recompute.RecomputeMode;

/**
 * Starts a recompute run somewhere other than the request that asked for it: a full rebuild can outlast the HTTP
 * function's timeout, and the HTTP function's role may not write the scores. The run's outcome is read later from
 * the recompute state ({@code GET /v1/recompute}).
 */
public interface RecomputeLauncher {

    /**
     * Hands one run over and returns at once.
     *
     * @param runId names the run in the log of whatever runs it
     * @throws RuntimeException if the run could not be handed over; nothing was started
     */
    void launch(RecomputeMode mode, String runId);
}
