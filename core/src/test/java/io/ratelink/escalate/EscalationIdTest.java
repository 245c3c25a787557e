package io.ratelink.escalate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationIdTest {

    @Test
    void theWrittenFormReadsBack() {
        EscalationId id = EscalationId.followUp("Zm9v-YmFy_A", 42);
        assertThat(id.format()).isEqualTo("Zm9v-YmFy_A.c000000000042");
        assertThat(EscalationId.parse(id.format())).contains(id);
    }

    @Test
    void episodeKeysSortByVersionWithNoFollowUpAmongThem() {
        assertThat(EscalationId.episode("s", 9).mailKey()).isLessThan(EscalationId.episode("s", 10).mailKey());
        String followUp = EscalationId.followUp("s", 5).mailKey();
        boolean amongEpisodes = followUp.compareTo(EscalationId.episode("s", 0).mailKey()) >= 0
                && followUp.compareTo(EscalationId.episode("s", 999_999_999_999L).mailKey()) <= 0;
        assertThat(amongEpisodes).isFalse();
    }

    @Test
    void anythingElseIsNoId() {
        assertThat(EscalationId.parse("no-dot")).isEmpty();
        assertThat(EscalationId.parse(".e000000000001")).isEmpty();
        assertThat(EscalationId.parse("s.x000000000001")).isEmpty();
        assertThat(EscalationId.parse("s.e1")).isEmpty();
        assertThat(EscalationId.parse(null)).isEmpty();
    }
}
