package io.ratelink.http.dev.sample;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SampleSurveysTest {

    private static final Instant AS_OF = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theSampleHasEveryStoryEveryAgentAndAgentsWhoDoBetterThanOthers() {
        List<SampleSurveys.Survey> planned = SampleSurveys.plan(SampleOrg.standard(), AS_OF);

        assertThat(planned.stream().map(SampleSurveys.Survey::story).distinct())
                .containsExactlyInAnyOrder(SampleSurveys.Story.values());
        assertThat(planned.stream().map(survey -> survey.claims().scale()).distinct())
                .contains(Scale.CSAT_5, Scale.CES_7, Scale.NPS);
        assertThat(planned.stream().map(survey -> survey.claims().locale()).distinct())
                .contains("en", "zh", "fa", "ro");
        Map<String, Long> perAgent = planned.stream()
                .collect(Collectors.groupingBy(survey -> survey.claims().agentId(), Collectors.counting()));
        assertThat(perAgent).hasSize(24);
        assertThat(perAgent.values()).allSatisfy(count -> assertThat(count).isBetween(60L, 200L));
        assertThat(positiveShare(planned, "emea-sara")).isGreaterThan(positiveShare(planned, "emea-tom") + 0.15);
        assertThat(planned.stream().filter(survey -> survey.steps().stream().anyMatch(step -> step.comment().isPresent())))
                .hasSizeGreaterThan(planned.size() / 10);
    }

    private static double positiveShare(List<SampleSurveys.Survey> planned, String agentId) {
        List<SampleSurveys.Survey> own = planned.stream().filter(survey -> survey.claims().agentId().equals(agentId)
                && !survey.story().held()).toList();
        return own.stream().filter(survey -> survey.claims().scale().isPositive(survey.finalScore())).count()
                / (double) own.size();
    }

    @Test
    void planningTheSameDayAgainGivesTheSameSurveysAndLaterTheSameDayOnlyAddsThoseAnsweredSince() {
        List<SampleSurveys.Survey> first = SampleSurveys.plan(SampleOrg.standard(), AS_OF);
        List<SampleSurveys.Survey> later = SampleSurveys.plan(SampleOrg.standard(), AS_OF.plusSeconds(6 * 3600));

        assertThat(SampleSurveys.plan(SampleOrg.standard(), AS_OF)).isEqualTo(first);
        assertThat(later).containsAll(first).hasSizeGreaterThan(first.size());
        assertThat(first).allSatisfy(survey -> assertThat(survey.lastRequestAt()).isBeforeOrEqualTo(AS_OF));
    }
}
