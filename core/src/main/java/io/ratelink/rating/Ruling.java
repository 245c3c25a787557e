package io.ratelink.rating;

import java.util.Optional;

/**
 * How one answer is to be stored, decided without reading the survey first: a verdict on a premise, which the
 * write checks itself, and the verdict for a survey that turns out otherwise.
 */
public interface Ruling {

    /** The verdict when {@link #premise()} holds. */
    Verdict.Save verdictIfPremiseHolds();

    /** What {@link #verdictIfPremiseHolds()} assumes about the stored survey. */
    Premise premise();

    /** The verdict on the survey as it is stored, when the premise did not hold. */
    Verdict verdictOn(Rating stored);

    /** Every answer saved with one status whatever is stored: for loading data and for benchmarks. */
    static Ruling fixed(RatingStatus status) {
        Verdict.Save save = new Verdict.Save(status, Optional.empty());
        return new Ruling() {
            @Override
            public Verdict.Save verdictIfPremiseHolds() {
                return save;
            }

            @Override
            public Premise premise() {
                return new Premise.Anything();
            }

            @Override
            public Verdict verdictOn(Rating stored) {
                return save;
            }
        };
    }
}
