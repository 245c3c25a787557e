package io.ratelink.dashboard.access;

import java.time.Instant;

/** The sign-in links already used: each one signs someone in once. */
public interface SpentLinks {

    /**
     * Spends the link, in one conditional write.
     *
     * @param expiresAt when the link stops working anyway: after it, its record may go
     * @return true when this call spent it, false when it had been spent before
     */
    boolean spend(String linkId, Instant expiresAt);

    /** Whether the link has been spent. */
    boolean isSpent(String linkId);
}
