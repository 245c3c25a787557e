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
    void aThreadStartsWithItsEscalationAndFollowUpsComeAfterIt() {
        assertThat(EscalationId.first("s").format()).isEqualTo("s.e000000000000");
        assertThat(EscalationId.followUp("s", 9).mailKey()).isLessThan(EscalationId.followUp("s", 10).mailKey());
        assertThat(EscalationId.followUp("s", 1).kind()).isEqualTo(EscalationKind.FOLLOW_UP);
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
