package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.EscalationTasks;
import io.ratelink.escalate.Escalator;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.notify.Flow.RatedAgent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An SMTP server that refuses: tried again with backoff, kept as failed after the last try, replayed once by a person. */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class SmtpOutageTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    @InjectSmtp
    Smtp smtp;

    @Inject
    EscalationStore escalations;

    @Inject
    ScriptedPause pause;

    @Inject
    DelayQueue queue;

    @Inject
    Flow flow;

    @BeforeEach
    void cleanStart() {
        flow.reset();
    }

    @AfterEach
    void smtpIsBackForTheNextTest() {
        if (!smtp.isRunning()) {
            smtp.restart();
        }
    }

    @Test
    void smtpRefusingThenRecoveringBeforeTheLastTrySendsOnce() throws Exception {
        RatedAgent agent = flow.agentWithManager("Hana Sato");
        String event = agent.event("insert-low-click.json");

        smtp.stop();
        pause.beforeNextPause(smtp::restart);
        flow.deliver(event);

        assertThat(smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT)).hasSize(1);
        Escalation sent = escalations.find(EscalationId.first(agent.surveyId())).orElseThrow();
        assertThat(sent.status()).isEqualTo(EscalationStatus.SENT);
        assertThat(sent.attempts()).as("the refused try counts").isGreaterThanOrEqualTo(2);

        flow.deliver(event);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).hasSize(1);
    }

    @Test
    void smtpDownThroughEveryTryKeepsTheEscalationFailedUntilAReplaySendsItOnce() throws Exception {
        RatedAgent agent = flow.agentWithManager("Ivan Petrov");
        String manager = agent.manager();
        String event = agent.event("insert-low-click.json");
        EscalationId id = EscalationId.first(agent.surveyId());
        int pausesBefore = pause.pauses().size();

        smtp.stop();
        try (LogCapture log = LogCapture.of(Escalator.class)) {
            assertThat(flow.deliver(event)).as("the task is done: the failure is kept, not retried by the queue")
                    .allSatisfy(run -> assertThat(run.failed()).isEmpty());
            assertThat(log.lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("escalation.failed id=" + id.format())
                    .contains("attempts=3")
                    .contains("POST /v1/escalations/" + id.format() + "/retry"));
        }
        Escalation failed = escalations.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(EscalationStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isPresent();
        assertThat(pause.pauses().subList(pausesBefore, pause.pauses().size()))
                .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(escalations.list(EscalationStatus.FAILED, 100, Optional.empty()).escalations())
                .extracting(Escalation::id).contains(id);

        smtp.restart();
        flow.deliver(event);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(manager)).as("a redelivery leaves a failed escalation to its replay").isEmpty();

        queue.schedule(EscalationTasks.replay(id), Duration.ZERO);
        flow.settle();
        assertThat(smtp.awaitMessagesTo(manager, 1, MAIL_WAIT)).hasSize(1);
        queue.schedule(EscalationTasks.replay(id), Duration.ZERO);
        flow.settle();
        flow.deliver(event);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(manager)).as("a second replay and a redelivery send nothing").hasSize(1);
        Escalation sent = escalations.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(EscalationStatus.SENT);
        assertThat(sent.attempts()).as("three refused tries and the replay's").isEqualTo(4);
        assertThat(escalations.list(EscalationStatus.FAILED, 100, Optional.empty()).escalations())
                .extracting(Escalation::id).doesNotContain(id);
    }

    @Test
    void aRecordThatCannotBeReadIsReportedWithEveryRecordAfterIt() throws Exception {
        RatedAgent agent = flow.agentWithManager("Jon Berg");

        String batch = agent.event("batch-with-unreadable-record.json");
        assertThat(flow.stream(batch)).containsExactly("4421584500000000017450439099", "4421584500000000017450439100");
    }
}
