package io.ratelink.escalate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    private final MessageIds ids = new MessageIds("ratelink.example.com");

    @Test
    void theSameEscalationAlwaysHasTheSameMessageId() {
        assertThat(ids.of(EscalationId.first("survey"))).isEqualTo(ids.of(EscalationId.first("survey")))
                .matches("<[0-9a-f]{32}\\.escalation@ratelink\\.example\\.com>");
        assertThat(ids.of(EscalationId.followUp("survey", 3))).isNotEqualTo(ids.of(EscalationId.first("survey")))
                .endsWith(".follow-up@ratelink.example.com>");
    }

    @Test
    void nothingButHexAndTheDomainReachTheHeader() {
        assertThat(ids.of(EscalationId.first("a>\r\nBcc: x@evil.example")))
                .matches("<[0-9a-f]{32}\\.escalation@ratelink\\.example\\.com>");
        assertThat(new MessageIds("evil.example>\r\nBcc: x").of(EscalationId.first("s"))).endsWith("@ratelink.invalid>");
    }

    @Test
    void theDomainComesFromTheSenderAddress() {
        assertThat(MessageIds.domainOf("Ratelink <ratings@mail.example.com>")).isEqualTo("mail.example.com");
        assertThat(MessageIds.domainOf("ratings@example.org")).isEqualTo("example.org");
        assertThat(MessageIds.domainOf("")).isEmpty();
    }
}
