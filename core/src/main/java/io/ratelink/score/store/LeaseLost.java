package io.ratelink.score.store;

/**
 * The run no longer holds the recompute lease (it ran out and another run took it): it must stop writing.
 * A plan it had committed is finished by whoever holds the lease next.
 */
public class LeaseLost extends IllegalStateException {

    public LeaseLost(String holder, String step) {
        super("recompute run " + holder + " no longer holds the lease; it stopped before: " + step);
    }
}
