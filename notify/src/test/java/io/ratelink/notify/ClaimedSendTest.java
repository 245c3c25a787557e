package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.LowRating;
import io.ratelink.escalate.MessageIds;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.notify.Flow.RatedAgent;
import io.ratelink.survey.Scale;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email another invocation claimed: left to it while its claim lasts; taken over once the claim ran out if it had
 * not reached the SMTP server; reported as unknown, and never sent again by itself, if it had.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class ClaimedSendTest {

    @InjectSmtp
    Smtp smtp;

    @Inject
    EscalationStore escalations;

    @Inject
    MessageIds messageIds;

    @Inject
    Flow flow;

    @BeforeEach
    void cleanStart() {
        flow.reset();
    }

    @Test
    void anEmailClaimedByALiveInvocationGoesBackToTheQueueAndIsNotSent() throws Exception {
        RatedAgent agent = flow.agentWithManager("Oda Lind");
        leftByAnotherInvocation(agent.surveyId(), agent.id(), EscalationStatus.CLAIMED, Instant.now().plus(Duration.ofHours(1)));

        assertThat(flow.stream(agent.event("insert-low-click.json"))).isEmpty();
        assertThat(flow.settle()).anySatisfy(run -> assertThat(run.failed()).isNotEmpty());

        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).isEmpty();
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.CLAIMED);
    }

    @Test
    void aClaimThatRanOutBeforeTheSmtpServerHadItIsTakenOverAndSentOnce() throws Exception {
        RatedAgent agent = flow.agentWithManager("Per Moen");
        leftByAnotherInvocation(agent.surveyId(), agent.id(), EscalationStatus.CLAIMED, Instant.now().minusSeconds(1));
        String event = agent.event("insert-low-click.json");

        flow.deliver(event);
        flow.deliver(event);

        assertThat(smtp.awaitMessagesTo(agent.manager(), 1, Duration.ofSeconds(10))).hasSize(1);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).hasSize(1);
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }

    @Test
    void aSenderThatDiedWhileTheSmtpServerHadTheEmailLeavesItUnknownAndNothingIsSentAgain() throws Exception {
        RatedAgent agent = flow.agentWithManager("Rui Costa");
        leftByAnotherInvocation(agent.surveyId(), agent.id(), EscalationStatus.SENDING, Instant.now().minusSeconds(1));

        try (LogCapture log = LogCapture.of(io.ratelink.escalate.Escalator.class)) {
            flow.deliver(agent.event("insert-low-click.json"));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("escalation.unknown id=" + EscalationId.first(agent.surveyId()).format()));
        }

        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).isEmpty();
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.UNKNOWN);
        assertThat(escalations.list(EscalationStatus.UNKNOWN, 200, Optional.empty()).escalations())
                .extracting(Escalation::id).contains(EscalationId.first(agent.surveyId()));
    }

    /** What an invocation leaves behind when it claimed the email and then died (or is still at it). */
    private void leftByAnotherInvocation(String surveyId, String agentId, EscalationStatus status, Instant claimedUntil) {
        EscalationId id = EscalationId.first(surveyId);
        Instant claimedAt = claimedUntil.minus(Duration.ofMinutes(5));
        LowRating rating = new LowRating(surveyId, Scale.CSAT_5, 2, "T-48213", agentId, "team-billing", "en",
                Optional.empty(), Instant.parse("2025-11-20T12:12:07Z"));
        Escalation left = new Escalation(id, status, rating, 1, Optional.empty(), 0, messageIds.of(id),
                Optional.empty(), status == EscalationStatus.SENDING ? 1 : 0, Optional.empty(),
                status == EscalationStatus.SENDING ? Optional.of(StreamEvents.newAddress("manager")) : Optional.empty(),
                claimedAt, claimedAt, Optional.empty(), Optional.of(claimedUntil));
        assertThat(escalations.claimNew(left)).isInstanceOf(EscalationStore.Claim.Ours.class);
    }
}
