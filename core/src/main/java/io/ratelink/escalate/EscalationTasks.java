package io.ratelink.escalate;

import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.DueTask;
import io.ratelink.delivery.TaskHandler;
import org.jboss.logging.Logger;

/** The queued escalation work: a settled rating's check, and a person's replay of one email. */
public final class EscalationTasks {

    /** The kind of the queued task that checks a survey's rating once it has settled. */
    public static final String CHECK = "escalation.check";

    /** The kind of the queued task that sends one escalation again, as a person asked. */
    public static final String REPLAY = "escalation.replay";

    private static final Logger LOG = Logger.getLogger(EscalationTasks.class);

    private EscalationTasks() {
    }

    /** The handler of settled ratings' checks. */
    public static TaskHandler checks(Escalator<?> escalator) {
        return new Check(escalator);
    }

    /** The handler of a person's replays. */
    public static TaskHandler replays(Escalator<?> escalator) {
        return new Replay(escalator);
    }

    /** The task that checks the survey's rating once its change to {@code version} has settled. */
    public static DueTask check(String surveyId, long version) {
        return DueTask.of(CHECK, surveyId, version);
    }

    /** The task that replays the escalation {@code id}. */
    public static DueTask replay(EscalationId id) {
        return DueTask.of(REPLAY, id.format(), 0);
    }

    private record Check(Escalator<?> escalator) implements TaskHandler {
        @Override
        public String kind() {
            return CHECK;
        }

        @Override
        public void run(DueTask task, Deadline deadline) {
            Escalator.Outcome outcome = escalator.check(task.subject(), task.version(), deadline);
            LOG.debugf("Settle check of survey %s at version %d: %s", task.subject(), task.version(), outcome);
        }
    }

    private record Replay(Escalator<?> escalator) implements TaskHandler {
        @Override
        public String kind() {
            return REPLAY;
        }

        @Override
        public void run(DueTask task, Deadline deadline) {
            EscalationId.parse(task.subject()).ifPresentOrElse(
                    id -> LOG.infof("Replay of escalation %s: %s", id, escalator.replay(id, deadline)),
                    () -> LOG.errorf("Dropped a replay of '%s': not an escalation id", task.subject()));
        }
    }
}
