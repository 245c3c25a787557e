package io.ratelink.rating;

import java.util.Objects;

/**
 * The update of a rating's counted score that the recompute writes back on the rating: the score the scores now
 * count for it and the version of the rating it was read from.
 *
 * @param surveyId          the rating's survey
 * @param version           the version of the rating whose score was counted; a click since then has a later
 *                          version, so the next recompute moves its count again
 * @param previouslyCounted the score counted before; {@code null} when it was counted nowhere. An incremental
 *                          recompute writes the update only over this score, and ignores it for a recount
 * @param counted           the score counted now; {@code null} when it counts nowhere (a suspect rating)
 * @param recount           whether a full rebuild counted the rating from scratch, whatever was counted before
 */
public record CountedScoreUpdate(String surveyId, long version, Integer previouslyCounted, Integer counted, boolean recount) {

    public CountedScoreUpdate {
        Objects.requireNonNull(surveyId, "surveyId");
    }

    /** The update of an incremental recompute: the count moved from {@code previouslyCounted} to {@code counted}. */
    public static CountedScoreUpdate moved(String surveyId, long version, Integer previouslyCounted, Integer counted) {
        return new CountedScoreUpdate(surveyId, version, previouslyCounted, counted, false);
    }

    /** The update of a full rebuild, which counted the rating from scratch. */
    public static CountedScoreUpdate recounted(String surveyId, long version, Integer counted) {
        return new CountedScoreUpdate(surveyId, version, null, counted, true);
    }
}
