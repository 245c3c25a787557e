package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The scores of one dimension on one scale: a run of day histograms and the windows rolled up from them.
 * Histograms of different scales are never merged, so every score belongs to exactly one series.
 */
public record Series(Dimension dimension, Scale scale) {

    public Series {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(scale, "scale");
    }

    /** The key of this series' histogram for one day. */
    public DayKey on(LocalDate day) {
        return new DayKey(dimension, scale, day);
    }
}
