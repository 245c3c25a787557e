package io.ratelink.escalate;

import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.ratelink.escalate.Ratings.commented;
import static io.ratelink.escalate.Ratings.counted;
import static io.ratelink.escalate.Ratings.rating;
import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private final EscalationPolicy policy = new EscalationPolicy(LowBands.catalogue());

    @Test
    void aFirstClickInTheLowBandEscalates() {
        assertThat(policy.decide(Optional.empty(), Optional.of(counted(Scale.CSAT_5, 2, 1))))
                .isInstanceOf(Decision.Escalate.class);
    }

    @Test
    void aChangeIntoTheLowBandEscalates() {
        assertThat(policy.decide(Optional.of(counted(Scale.NPS, 7, 1)), Optional.of(counted(Scale.NPS, 6, 2))))
                .isInstanceOf(Decision.Escalate.class);
    }

    @Test
    void aScoreOutsideTheLowBandSendsNothing() {
        assertThat(policy.decide(Optional.empty(), Optional.of(counted(Scale.CSAT_5, 3, 1))))
                .isEqualTo(new Decision.Nothing(Decision.Reason.NOT_LOW));
    }

    @Test
    void stayingLowDoesNotEscalateAgain() {
        assertThat(policy.decide(Optional.of(counted(Scale.CSAT_5, 2, 1)), Optional.of(counted(Scale.CSAT_5, 1, 2))))
                .isEqualTo(new Decision.Nothing(Decision.Reason.ALREADY_ESCALATED));
    }

    @Test
    void leavingTheLowBandSendsNothing() {
        assertThat(policy.decide(Optional.of(counted(Scale.CSAT_5, 2, 1)), Optional.of(counted(Scale.CSAT_5, 5, 2))))
                .isEqualTo(new Decision.Nothing(Decision.Reason.LEFT_LOW_BAND));
    }

    @Test
    void aNewCommentOnALowRatingIsAFollowUp() {
        assertThat(policy.decide(Optional.of(counted(Scale.CSAT_5, 2, 1)),
                Optional.of(commented(Scale.CSAT_5, 2, 2, "Still broken."))))
                .isInstanceOf(Decision.FollowUp.class);
    }

    @Test
    void theSameCommentSentAgainIsNoFollowUp() {
        assertThat(policy.decide(Optional.of(commented(Scale.CSAT_5, 2, 2, "Still broken.")),
                Optional.of(commented(Scale.CSAT_5, 2, 3, "Still broken."))))
                .isEqualTo(new Decision.Nothing(Decision.Reason.ALREADY_ESCALATED));
    }

    @Test
    void aCommentGivenWithTheFirstLowAnswerIsPartOfTheEscalation() {
        assertThat(policy.decide(Optional.empty(), Optional.of(commented(Scale.CSAT_3, 1, 1, "Rude."))))
                .isInstanceOf(Decision.Escalate.class);
    }

    @Test
    void aSuspectLowRatingWaitsAndEscalatesWhenAPersonConfirmsIt() {
        var suspect = rating(Scale.CSAT_5, 1, 1, RatingStatus.SUSPECT, Optional.empty());
        assertThat(policy.decide(Optional.empty(), Optional.of(suspect)))
                .isEqualTo(new Decision.Nothing(Decision.Reason.HELD_AS_SUSPECT));
        assertThat(policy.decide(Optional.of(suspect), Optional.of(counted(Scale.CSAT_5, 1, 2))))
                .isInstanceOf(Decision.Escalate.class);
    }

    @Test
    void aDeletedRatingSendsNothing() {
        assertThat(policy.decide(Optional.of(counted(Scale.CSAT_5, 1, 1)), Optional.empty()))
                .isEqualTo(new Decision.Nothing(Decision.Reason.REMOVED));
    }

    @Test
    void aConfiguredBandReplacesTheCataloguesOne() {
        EscalationPolicy oneStarOnly = new EscalationPolicy(LowBands.withOverrides(Map.of("CSAT_5", "1-1")));
        assertThat(oneStarOnly.decide(Optional.empty(), Optional.of(counted(Scale.CSAT_5, 2, 1))))
                .isEqualTo(new Decision.Nothing(Decision.Reason.NOT_LOW));
        assertThat(oneStarOnly.decide(Optional.empty(), Optional.of(counted(Scale.CSAT_5, 1, 1))))
                .isInstanceOf(Decision.Escalate.class);
    }
}
