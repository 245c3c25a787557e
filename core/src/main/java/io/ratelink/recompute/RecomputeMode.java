package io.ratelink.recompute;

import java.util.Locale;

/** What a recompute run counts. */
public enum RecomputeMode {
    /** Only the ratings changed since the watermark: the scheduled run. */
    INCREMENTAL,
    /** Every rating from scratch, checked against what is stored: the repair and the reference. */
    FULL;

    /** {@code incremental} or {@code full}, as stored and reported. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
