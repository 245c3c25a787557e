package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.StoreOperation;
import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.notify.Flow.RatedAgent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures after and around the send, against GreenMail and DynamoDB Local: nothing the SMTP server may have taken
 * is sent a second time, whatever fails afterwards and however often the work is redelivered.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class EscalationFailuresTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);
    /** The SMTP server's late answer: after the test profile's send timeout (3 s) has given up on it. */
    private static final Duration LATER_THAN_THE_SEND_TIMEOUT = Duration.ofSeconds(4);
    /**
     * The Lambda timeout for the hanging server: room for a few sends cut off at the send timeout, not for ten, so
     * the batch has to stop in time and leave the rest to the queue.
     */
    private static final Duration SHORT_LAMBDA_TIMEOUT = Duration.ofSeconds(12);

    @InjectSmtp
    Smtp smtp;

    @Inject
    EscalationStore escalations;

    @Inject
    Flow flow;

    @BeforeEach
    void cleanStart() {
        flow.reset();
    }

    @AfterEach
    void smtpAnswersNormallyAgain() {
        smtp.answerNormally();
        DynamoDbTraffic.ofTheApplication().clearRules();
    }

    @Test
    void theTableRefusingToRecordAnAcceptedSendSendsExactlyOneEmail() throws Exception {
        RatedAgent agent = flow.agentWithManager("Lea Roth");
        String event = agent.event("insert-low-click.json");
        DynamoDbTraffic.ofTheApplication().refuse(StoreOperation.MARK_SENT.operationName(), 3);

        for (int delivery = 0; delivery < 3; delivery++) {
            flow.deliver(event);
        }

        assertThat(smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT)).hasSize(1);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).hasSize(1);
        assertThat(DynamoDbTraffic.ofTheApplication().refused(StoreOperation.MARK_SENT.operationName())).isEqualTo(3);
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }

    @Test
    void anSmtpServerThatAnswersAfterOurTimeoutDeliversOneEmailKeptAsUnknown() throws Exception {
        RatedAgent agent = flow.agentWithManager("Max Bauer");
        String event = agent.event("insert-low-click.json");
        long started = System.nanoTime();
        smtp.answerLate(LATER_THAN_THE_SEND_TIMEOUT);

        try (LogCapture log = LogCapture.of(io.ratelink.escalate.Escalator.class)) {
            for (int delivery = 0; delivery < 3; delivery++) {
                flow.deliver(event);
            }
            assertThat(log.lines()).filteredOn(line -> line.startsWith("escalation.unknown")).hasSize(1);
        }

        assertThat(smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT)).as("the server delivered it all the same").hasSize(1);
        Duration sinceTheFirstSend = Duration.ofNanos(System.nanoTime() - started);
        Thread.sleep(Math.max(300, LATER_THAN_THE_SEND_TIMEOUT.plusSeconds(1).minus(sinceTheFirstSend).toMillis()));
        assertThat(smtp.messagesTo(agent.manager())).hasSize(1);
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.UNKNOWN);
    }

    @Test
    void tenLowRatingsWithAHangingSmtpServerEndInTimeWithNothingLost() throws Exception {
        List<String> surveys = new ArrayList<>();
        RatedAgent agent = flow.agentWithManager("Nia Obi");
        for (int rating = 0; rating < 10; rating++) {
            String surveyId = StreamEvents.newSurveyId();
            surveys.add(surveyId);
            assertThat(flow.stream(StreamEvents.fixture("insert-low-click.json", surveyId, agent.id()))).isEmpty();
        }
        smtp.hang();

        List<QueuedTasks.Run> runs = flow.settle(SHORT_LAMBDA_TIMEOUT);

        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.took()).isLessThan(SHORT_LAMBDA_TIMEOUT));
        assertThat(runs.get(runs.size() - 1).failed()).as("the tasks left for a later invocation").isNotEmpty();
        System.out.printf("ten escalations against a hanging SMTP server: %s%n", runs);
        for (String surveyId : surveys) {
            Optional<EscalationStatus> status = escalations.find(EscalationId.first(surveyId)).map(email -> email.status());
            assertThat(status).as("survey %s: unknown, or left for the queue's retry", surveyId)
                    .satisfiesAnyOf(
                            found -> assertThat(found).contains(EscalationStatus.UNKNOWN),
                            found -> assertThat(found).isEmpty(),
                            found -> assertThat(found).contains(EscalationStatus.CLAIMED));
        }
        assertThat(smtp.messagesTo(agent.manager())).isEmpty();
    }
}
