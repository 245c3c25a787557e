package io.ratelink.escalate;

import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.ratelink.escalate.Ratings.counted;
import static io.ratelink.escalate.Ratings.rating;
import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private final EscalationPolicy policy = new EscalationPolicy(LowBands.catalogue());

    @Test
    void aCountedAnswerInTheLowBandIsInAnEpisode() {
        assertThat(policy.isInEpisode(counted(Scale.CSAT_5, 2, 1))).isTrue();
        assertThat(policy.isInEpisode(counted(Scale.NPS, 6, 1))).isTrue();
        assertThat(policy.isInEpisode(counted(Scale.CES_EFFORT_5, 5, 1))).isTrue();
    }

    @Test
    void anAnswerOutsideTheLowBandIsNot() {
        assertThat(policy.isInEpisode(counted(Scale.CSAT_5, 3, 1))).isFalse();
        assertThat(policy.isInEpisode(counted(Scale.NPS, 7, 1))).isFalse();
        assertThat(policy.isInEpisode(counted(Scale.CES_EFFORT_5, 1, 1))).isFalse();
    }

    @Test
    void aHeldLowAnswerIsLowButInNoEpisodeUntilAPersonConfirmsIt() {
        var suspect = rating(Scale.CSAT_5, 1, 1, RatingStatus.SUSPECT, Optional.empty());
        assertThat(policy.isLow(suspect)).isTrue();
        assertThat(policy.isInEpisode(suspect)).isFalse();
        assertThat(policy.isInEpisode(counted(Scale.CSAT_5, 1, 2))).isTrue();
    }

    @Test
    void aConfiguredBandReplacesTheCataloguesOne() {
        EscalationPolicy oneStarOnly = new EscalationPolicy(LowBands.withOverrides(Map.of("CSAT_5", "1-1")));
        assertThat(oneStarOnly.isInEpisode(counted(Scale.CSAT_5, 2, 1))).isFalse();
        assertThat(oneStarOnly.isInEpisode(counted(Scale.CSAT_5, 1, 1))).isTrue();
    }
}
