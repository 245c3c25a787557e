package io.ratelink.score;

/**
 * How much each component weighs in the {@linkplain CustomerHappinessIndex customer happiness index}. Only the ratios
 * matter: the weights of the components that are available are renormalized to sum to 1.
 *
 * <p>The {@linkplain #DEFAULTS defaults} are 0.4 for CSAT %, 0.3 for CES easy % and 0.3 for NPS (mapped
 * to 0–100): satisfaction with the support received leads, ease and loyalty share the rest.
 *
 * @param csat weight of the CSAT % (the share of positive answers on CSAT scales)
 * @param ces  weight of the CES easy % (the share of "easy" answers on CES scales)
 * @param nps  weight of the NPS, mapped from −100…+100 to 0–100
 */
public record HappinessIndexWeights(double csat, double ces, double nps) {

    /** 0.4 CSAT, 0.3 CES, 0.3 NPS. */
    public static final HappinessIndexWeights DEFAULTS = new HappinessIndexWeights(0.4, 0.3, 0.3);

    public HappinessIndexWeights {
        requireWeight("csat", csat);
        requireWeight("ces", ces);
        requireWeight("nps", nps);
        if (csat + ces + nps <= 0) {
            throw new IllegalArgumentException("at least one CHI weight must be above 0");
        }
    }

    private static void requireWeight(String component, double weight) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("the CHI weight of " + component
                    + " must be a finite number >= 0, got " + weight);
        }
    }
}
