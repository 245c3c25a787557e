package io.ratelink.notify;

import io.ratelink.local.Smtp;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.SmtpServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.Agent;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.EscalationStore;
import io.ratelink.escalate.LowRating;
import io.ratelink.escalate.ManagerDirectory;
import io.ratelink.escalate.MessageIds;
import io.ratelink.survey.Scale;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A send another invocation has claimed: left to it while its claim lasts, taken over once the claim has run out. */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class ClaimedSendTest {

    @InjectSmtp
    Smtp smtp;

    @Inject
    ManagerDirectory directory;

    @Inject
    EscalationStore escalations;

    @Inject
    MessageIds messageIds;

    @Test
    void aSendClaimedByALiveInvocationIsReportedForRedeliveryAndNotSent() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Oda Lind", "oda@example.com", Optional.of(manager), "en"));
        claimedByAnotherInvocation(surveyId, agentId, Instant.now().plus(Duration.ofHours(1)));

        assertThat(StreamEvents.deliver(StreamEvents.fixture("insert-low-click.json", surveyId, agentId)))
                .containsExactly("4421584500000000017450439092");

        Thread.sleep(300);
        assertThat(smtp.messagesTo(manager)).isEmpty();
        assertThat(escalations.find(EscalationId.episode(surveyId, 1)).orElseThrow().status()).isEqualTo(EscalationStatus.SENDING);
    }

    @Test
    void aSendWhoseClaimRanOutIsTakenOverAndSentOnce() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Per Moen", "per@example.com", Optional.of(manager), "en"));
        claimedByAnotherInvocation(surveyId, agentId, Instant.now().minusSeconds(1));
        String event = StreamEvents.fixture("insert-low-click.json", surveyId, agentId);

        assertThat(StreamEvents.deliver(event)).isEmpty();
        assertThat(StreamEvents.deliver(event)).isEmpty();

        assertThat(smtp.awaitMessagesTo(manager, 1, Duration.ofSeconds(10))).hasSize(1);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(manager)).hasSize(1);
        assertThat(escalations.find(EscalationId.episode(surveyId, 1)).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }

    /** What an invocation leaves behind when it claimed the email and then died (or is still sending). */
    private void claimedByAnotherInvocation(String surveyId, String agentId, Instant claimedUntil) {
        EscalationId id = EscalationId.episode(surveyId, 1);
        Instant claimedAt = claimedUntil.minus(Duration.ofMinutes(2));
        LowRating rating = new LowRating(surveyId, Scale.CSAT_5, 2, "T-48213", agentId, "team-billing", "en",
                Optional.empty(), Instant.parse("2025-11-20T12:12:07Z"));
        Escalation claimed = new Escalation(id, EscalationStatus.SENDING, rating, Optional.empty(), messageIds.of(id),
                Optional.empty(), 0, Optional.empty(), Optional.empty(), claimedAt, claimedAt, Optional.empty(),
                Optional.of(claimedUntil));
        assertThat(escalations.claimNew(claimed, claimedAt)).isInstanceOf(EscalationStore.Claim.Ours.class);
    }
}
