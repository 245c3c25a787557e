package io.ratelink.survey;

/** Which end of a scale is the good one. */
public enum Direction {
    /** The highest point is the best answer (satisfaction, ease, likelihood to recommend). */
    HIGHER_IS_BETTER,
    /** The lowest point is the best answer (an effort question: 1 = very low effort). */
    LOWER_IS_BETTER
}
