package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which day histogram a rating is counted in: its dimension, its scale and the UTC day of its first click.
 */
public record DayKey(Dimension dimension, Scale scale, LocalDate day) {

    public DayKey {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(day, "day");
    }

    public Series series() {
        return new Series(dimension, scale);
    }
}
