package io.ratelink.storage;

/** The database did not take the write (throttled after retries, unreachable, failing): nothing was recorded. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
