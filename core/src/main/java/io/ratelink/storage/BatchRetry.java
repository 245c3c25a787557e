package io.ratelink.storage;

/**
 * Pacing for the part of a batch request that DynamoDB left unprocessed (it does so when throttled): each
 * retry waits twice as long as the one before, from 50 ms up to 2 s, and after {@value #MAX_ATTEMPTS}
 * attempts the batch fails rather than spin.
 */
public final class BatchRetry {

    public static final int MAX_ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 2_000;

    private BatchRetry() {
    }

    /**
     * Call before each attempt of a batch, counting from 0: returns at once for the first, waits before a
     * retry.
     *
     * @param what the request, for the error message
     * @throws IllegalStateException after {@value #MAX_ATTEMPTS} attempts
     */
    public static void beforeAttempt(int attempt, String what) {
        if (attempt == 0) {
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw new IllegalStateException(what + ": DynamoDB left part of the batch unprocessed "
                    + MAX_ATTEMPTS + " times in a row");
        }
        try {
            Thread.sleep(Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while waiting to retry", e);
        }
    }
}
