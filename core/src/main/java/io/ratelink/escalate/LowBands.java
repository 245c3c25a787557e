package io.ratelink.escalate;

import io.ratelink.survey.Band;
import io.ratelink.survey.Scale;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which points of each scale escalate: the scale catalogue's low bands, some of them replaced by configuration.
 * An override is written {@code from-to} on the scale's own numbering ({@code 1-1}, {@code 0-4}) or {@code none}.
 */
public final class LowBands {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*");
    private static final String NONE = "none";

    private final Map<Scale, Band> bands;

    private LowBands(Map<Scale, Band> bands) {
        this.bands = bands;
    }

    /** The catalogue's bands. */
    public static LowBands catalogue() {
        return withOverrides(Map.of());
    }

    /**
     * The catalogue's bands with some replaced.
     *
     * @param overrides scale name to {@code from-to} or {@code none}
     * @throws IllegalArgumentException naming the first override that is not a scale or not a band on it
     */
    public static LowBands withOverrides(Map<String, String> overrides) {
        Map<Scale, Band> bands = new EnumMap<>(Scale.class);
        for (Scale scale : Scale.values()) {
            bands.put(scale, scale.lowBand());
        }
        overrides.forEach((name, written) -> {
            Scale scale = Scale.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "ratelink.escalation.low-bands: '" + name + "' is not a scale; the scales are " + Map.copyOf(bands).keySet()));
            bands.put(scale, parse(scale, written));
        });
        return new LowBands(bands);
    }

    public boolean isLow(Scale scale, int point) {
        return bands.get(scale).contains(point);
    }

    public Band band(Scale scale) {
        return bands.get(scale);
    }

    private static Band parse(Scale scale, String written) {
        if (written.strip().equalsIgnoreCase(NONE)) {
            return Band.NONE;
        }
        Matcher range = RANGE.matcher(written);
        if (!range.matches()) {
            throw new IllegalArgumentException("ratelink.escalation.low-bands." + scale + ": '" + written
                    + "' is neither 'from-to' nor 'none'");
        }
        Band band = Band.of(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2)));
        if (band.isEmpty() || !scale.isValid(band.from()) || !scale.isValid(band.to())) {
            throw new IllegalArgumentException("ratelink.escalation.low-bands." + scale + ": " + written
                    + " is not a range of points between " + scale.min() + " and " + scale.max());
        }
        return band;
    }
}
