package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rolls the day histograms of one series up into its {@linkplain Window windows}: each window is the sum
 * of the days it contains, as of a given day. Days after that day count in no window.
 */
public final class Rollup {

    private Rollup() {
    }

    /**
     * Every window of one series as of {@code asOf}, in one pass over its days.
     *
     * @param scale the series' scale, which every day histogram must have
     * @param days  the series' day histograms, by UTC day; days without answers may be absent
     * @return one histogram per {@link Window}, empty where no answers fall in the window
     */
    public static Map<Window, Histogram> windows(Scale scale, Map<LocalDate, Histogram> days, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Window[] windows = Window.values();
        Histogram.Accumulator[] sums = new Histogram.Accumulator[windows.length];
        for (int i = 0; i < windows.length; i++) {
            sums[i] = new Histogram.Accumulator(scale);
        }
        days.forEach((day, histogram) -> {
            for (int i = 0; i < windows.length; i++) {
                if (windows[i].contains(day, asOf)) {
                    sums[i].addAll(histogram);
                }
            }
        });
        Map<Window, Histogram> rolledUp = new EnumMap<>(Window.class);
        for (int i = 0; i < windows.length; i++) {
            rolledUp.put(windows[i], sums[i].snapshot());
        }
        return Collections.unmodifiableMap(rolledUp);
    }

    /**
     * Every window of each of the given series of a fold as of {@code asOf}: after an incremental fold,
     * its {@linkplain Fold#changedSeries() changed series}; after a full rebuild, all of them.
     */
    public static Map<Series, Map<Window, Histogram>> windows(Fold fold, Collection<Series> series, LocalDate asOf) {
        Map<Series, Map<Window, Histogram>> rolledUp = new HashMap<>();
        for (Series one : series) {
            rolledUp.put(one, windows(one.scale(), fold.days(one), asOf));
        }
        return rolledUp;
    }

    /** One window of one series as of {@code asOf}. */
    public static Histogram window(Scale scale, Map<LocalDate, Histogram> days, Window window, LocalDate asOf) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(asOf, "asOf");
        Histogram.Accumulator sum = new Histogram.Accumulator(scale);
        days.forEach((day, histogram) -> {
            if (window.contains(day, asOf)) {
                sum.addAll(histogram);
            }
        });
        return sum.snapshot();
    }
}
