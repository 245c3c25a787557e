package io.ratelink.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.List;
import java.util.Optional;

/**
 * Alarms on what needs a person: function errors, a lagging notifier, messages on a dead-letter or failure queue,
 * failed escalations.
 */
public final class Monitoring extends Construct {

    /** What the escalation functions log when an escalation could not be sent after its retries. */
    public static final String ESCALATION_FAILED_LOG_TERM = "escalation.failed";
    /** What they log when it is not known whether an escalation reached the mail server. */
    public static final String ESCALATION_UNKNOWN_LOG_TERM = "escalation.unknown";

    public static final String ESCALATIONS_FAILED_METRIC = "EscalationsFailed";

    /** A low rating should reach its manager within minutes; past this the stream is backing up. */
    public static final Duration NOTIFY_ITERATOR_AGE_LIMIT = Duration.minutes(5);

    /** A log line with either term. */
    static final String FAILED_OR_UNKNOWN = "?\"" + ESCALATION_FAILED_LOG_TERM + "\" ?\"" + ESCALATION_UNKNOWN_LOG_TERM + "\"";

    private static final Duration PERIOD = Duration.minutes(5);

    private final Topic topic;
    private final String metricNamespace;

    public Monitoring(Construct scope, String id, String stage, Optional<String> alarmEmail) {
        super(scope, id);
        this.topic = Topic.Builder.create(this, "AlarmTopic").displayName("ratelink " + stage + " alarms").build();
        alarmEmail.ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
        this.metricNamespace = "Ratelink/" + stage;
    }

    public Topic topic() {
        return topic;
    }

    public void alarmOnErrors(String functionName, Function function) {
        alarm(functionName + "Errors", "The " + functionName + " function failed at least once in 5 minutes",
                function.metricErrors(sum()), 1);
    }

    public void alarmOnStreamLag(Function streamConsumer) {
        alarm("NotifyIteratorAge", "Low ratings wait more than " + NOTIFY_ITERATOR_AGE_LIMIT.toMinutes() + " minutes for notify",
                streamConsumer.metric("IteratorAge", MetricOptions.builder().statistic("Maximum").period(PERIOD).build()),
                NOTIFY_ITERATOR_AGE_LIMIT.toMilliseconds());
    }

    public void alarmOnMessages(String queueName, IQueue queue, String meaning) {
        alarm(queueName + "Messages", meaning,
                queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().statistic("Maximum").period(PERIOD).build()),
                1);
    }

    /**
     * Counts the log lines, in any of the given log groups, that report an escalation failed or of unknown outcome,
     * into one metric, and alarms on the first.
     */
    public void alarmOnFailedEscalations(List<ILogGroup> escalationLogs) {
        MetricFilter first = null;
        for (int i = 0; i < escalationLogs.size(); i++) {
            MetricFilter filter = MetricFilter.Builder.create(this, "EscalationsFailedFilter" + (i == 0 ? "" : Integer.toString(i + 1)))
                    .logGroup(escalationLogs.get(i))
                    .filterPattern(FilterPattern.literal(FAILED_OR_UNKNOWN))
                    .metricNamespace(metricNamespace)
                    .metricName(ESCALATIONS_FAILED_METRIC)
                    .metricValue("1")
                    .build();
            first = first == null ? filter : first;
        }
        alarm("EscalationsFailed", "An escalation email could not be sent after its retries, or may not have been: list and replay it",
                first.metric(sum()), 1);
    }

    private void alarm(String id, String description, IMetric metric, Number threshold) {
        Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(new SnsAction(topic));
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }
}
