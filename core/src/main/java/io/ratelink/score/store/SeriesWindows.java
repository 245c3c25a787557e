package io.ratelink.score.store;

import io.ratelink.score.Series;
import io.ratelink.score.Window;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The rolled-up windows of one series as stored: every window as of one day.
 *
 * @param series     the dimension and scale
 * @param asOf       the UTC day the windows end on, that day included
 * @param computedAt when they were written
 * @param plan       the sequence number of the recompute plan that wrote them
 * @param windows    one score per {@link Window}
 */
public record SeriesWindows(Series series, LocalDate asOf, Instant computedAt, long plan, Map<Window, WindowScore> windows) {

    public SeriesWindows {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(computedAt, "computedAt");
        windows = Map.copyOf(windows);
    }

    /** Whether any window that has a fixed length holds answers: once none does, the next days change nothing. */
    public boolean hasAnswersInBoundedWindows() {
        return windows.entrySet().stream()
                .anyMatch(entry -> entry.getKey().isBounded() && !entry.getValue().histogram().isEmpty());
    }
}
