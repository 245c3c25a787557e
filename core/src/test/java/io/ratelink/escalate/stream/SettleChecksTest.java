package io.ratelink.escalate.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.DueTask;
import io.ratelink.escalate.EscalationTasks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SettleChecksTest {

    private static final Duration SETTLE = Duration.ofMinutes(2);

    private final List<DueTask> scheduled = new ArrayList<>();
    private final Set<String> refusedSurveys = new java.util.HashSet<>();
    private final DelayQueue queue = (task, delay) -> {
        assertThat(delay).isEqualTo(SETTLE);
        if (refusedSurveys.contains(task.subject())) {
            throw new DelayQueue.QueueUnavailable("refused", null);
        }
        scheduled.add(task);
    };
    private final SettleChecks checks = new SettleChecks(queue, SETTLE);

    @Test
    void onlyCountedLowRatingsPassTheEventSourceFilter() {
        assertThat(SettleChecks.passesEventSourceFilter(record("1", image("s", 1, "counted", true)))).isTrue();
        assertThat(SettleChecks.passesEventSourceFilter(record("1", image("s", 1, "suspect", true)))).isFalse();
        assertThat(SettleChecks.passesEventSourceFilter(record("1", image("s", 1, "counted", false)))).isFalse();
        assertThat(SettleChecks.passesEventSourceFilter(record("1", null))).isFalse();
    }

    @Test
    void eachSurveyGetsOneCheckForItsNewestChange() {
        StreamsEventResponse response = checks.handle(event(
                record("1", image("a", 1, "counted", true)),
                record("2", image("b", 4, "counted", true)),
                record("3", image("a", 2, "counted", true)),
                record("4", image("c", 1, "counted", false))), Deadline.in(Duration.ofMinutes(1)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(scheduled).containsExactly(EscalationTasks.check("b", 4), EscalationTasks.check("a", 2));
    }

    @Test
    void aRecordWithoutVersionIsReportedWithEveryRecordAfterIt() {
        Map<String, AttributeValue> unreadable = image("b", 1, "counted", true);
        unreadable.remove("version");

        StreamsEventResponse response = checks.handle(event(
                record("1", image("a", 1, "counted", true)),
                record("2", unreadable),
                record("3", image("c", 1, "counted", true))), Deadline.in(Duration.ofMinutes(1)));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2", "3");
        assertThat(scheduled).containsExactly(EscalationTasks.check("a", 1));
    }

    @Test
    void aQueueThatRefusesLeavesTheRecordAndTheOnesAfterItForRedelivery() {
        refusedSurveys.add("a");

        StreamsEventResponse response = checks.handle(event(
                record("1", image("a", 1, "counted", true)),
                record("2", image("b", 1, "counted", true))), Deadline.in(Duration.ofMinutes(1)));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("1", "2");
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aDeadlineTooCloseLeavesTheRecordsForRedelivery() {
        StreamsEventResponse response = checks.handle(event(record("1", image("a", 1, "counted", true))),
                Deadline.in(Duration.ofMillis(100)));

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(scheduled).isEmpty();
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String sequence, Map<String, AttributeValue> newImage) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("MODIFY");
        record.setDynamodb(new StreamRecord().withNewImage(newImage).withSequenceNumber(sequence));
        return record;
    }

    private static Map<String, AttributeValue> image(String surveyId, long version, String status, boolean low) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("sid", new AttributeValue(surveyId));
        image.put("version", new AttributeValue().withN(Long.toString(version)));
        image.put("status", new AttributeValue(status));
        image.put("low", new AttributeValue().withBOOL(low));
        return image;
    }
}
