package io.ratelink.rating;

/**
 * A rating's counted score is neither the one a recompute moved its count from nor the one it moved it to: the
 * ratings and the scores disagree, and only a full rebuild, which counts every rating from scratch, can say
 * which is right.
 */
public class CountedScoreConflict extends IllegalStateException {

    public CountedScoreConflict(CountedScoreUpdate mark, Rating found) {
        super("survey " + mark.surveyId() + ": the recompute counted "
                + (mark.previouslyCounted() == null ? "nothing" : mark.previouslyCounted()) + " before and "
                + (mark.counted() == null ? "nothing" : mark.counted()) + " now (version " + mark.version()
                + "), but the rating says " + found.countedScore().map(String::valueOf).orElse("nothing")
                + " is counted; a full rebuild recounts every rating");
    }
}
