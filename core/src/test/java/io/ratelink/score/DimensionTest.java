package io.ratelink.score;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DimensionTest {

    @Test
    void parsesAndFormatsOrgTeamAndAgent() {
        assertThat(Dimension.parse("org")).contains(Dimension.ORG);
        assertThat(Dimension.parse("team:emea-1")).contains(Dimension.team("emea-1"));
        assertThat(Dimension.parse("agent:a-17")).contains(Dimension.agent("a-17"));

        assertThat(Dimension.ORG.format()).isEqualTo("org");
        assertThat(Dimension.team("emea-1").format()).isEqualTo("team:emea-1");
        assertThat(Dimension.agent("a-17")).hasToString("agent:a-17");
    }

    @Test
    void idMayContainColons() {
        Dimension agent = Dimension.parse("agent:crm:42").orElseThrow();

        assertThat(agent.id()).isEqualTo("crm:42");
        assertThat(Dimension.parse(agent.format())).contains(agent);
    }

    @Test
    void rejectsUnknownKindsAndMissingIds() {
        assertThat(Dimension.parse(null)).isEmpty();
        assertThat(Dimension.parse("")).isEmpty();
        assertThat(Dimension.parse("team")).isEmpty();
        assertThat(Dimension.parse("team:")).isEmpty();
        assertThat(Dimension.parse("team: ")).isEmpty();
        assertThat(Dimension.parse("org:x")).isEmpty();
        assertThat(Dimension.parse("ORG")).isEmpty();
        assertThat(Dimension.parse("customer:c-1")).isEmpty();
        assertThatThrownBy(() -> Dimension.agent(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatingBelongsToTheOrgItsTeamAndItsAgent() {
        assertThat(Dimension.of("emea-1", "a-17"))
                .containsExactly(Dimension.ORG, Dimension.team("emea-1"), Dimension.agent("a-17"));
    }
}
