package io.ratelink.escalate.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.escalate.EscalationTasks;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingItem;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of the ratings table's stream records, as Lambda delivers them to the notify function and as the dev-mode
 * poller hands them over: each change of a counted low rating is given a check once it has settled, through the
 * delay queue. Nothing is sent from here; the check ({@link EscalationTasks}) reads the rating again when it is due.
 *
 * <p>Of several changes of one survey in a batch, only the newest asks for a check: a check of an older version
 * would find it superseded. A record that cannot be scheduled is reported as a batch item failure, and so is every
 * record after it, for Lambda to redeliver in order.
 */
public class SettleChecks {

    private static final Logger LOG = Logger.getLogger(SettleChecks.class);
    private static final Duration TIME_PER_RECORD = Duration.ofSeconds(3);

    private final DelayQueue queue;
    private final Duration settle;

    public SettleChecks(DelayQueue queue, Duration settle) {
        this.queue = queue;
        this.settle = settle;
    }

    public StreamsEventResponse handle(DynamodbEvent event, Deadline deadline) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        Map<String, Pending> newest = new LinkedHashMap<>();
        int readable = records.size();
        for (int index = 0; index < records.size(); index++) {
            DynamodbEvent.DynamodbStreamRecord record = records.get(index);
            if (!passesEventSourceFilter(record)) {
                continue;
            }
            Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
            try {
                String surveyId = image.get(RatingItem.SURVEY_ID).getS();
                long version = Long.parseLong(image.get(RatingItem.VERSION).getN());
                newest.remove(surveyId);
                newest.put(surveyId, new Pending(index, version));
            } catch (RuntimeException unreadable) {
                LOG.errorf("Stream record %s names no survey and version (%s); it and the %d after it are reported "
                        + "for redelivery", record.getDynamodb().getSequenceNumber(), unreadable,
                        records.size() - index - 1);
                readable = index;
                break;
            }
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (Map.Entry<String, Pending> check : newest.entrySet()) {
            int index = check.getValue().recordIndex();
            if (!failures.isEmpty() || !deadline.allows(TIME_PER_RECORD)) {
                failures.add(failure(records.get(index).getDynamodb()));
                continue;
            }
            try {
                queue.schedule(EscalationTasks.check(check.getKey(), check.getValue().version()), settle);
            } catch (RuntimeException e) {
                LOG.errorf("The settle check of survey %s could not be scheduled (%s); its record and the ones after "
                        + "it are reported for redelivery", check.getKey(), e.getMessage());
                failures.add(failure(records.get(index).getDynamodb()));
            }
        }
        for (int index = readable; index < records.size(); index++) {
            failures.add(failure(records.get(index).getDynamodb()));
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * The event source filter of the deployment ({@code NewImage.low = true AND NewImage.status = "counted"}), for
     * whatever feeds records without AWS in between, and for records that reach the function unfiltered.
     */
    public static boolean passesEventSourceFilter(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, AttributeValue> image = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null) {
            return false;
        }
        AttributeValue low = image.get(RatingItem.LOW);
        AttributeValue status = image.get(RatingItem.STATUS);
        return low != null && Boolean.TRUE.equals(low.getBOOL())
                && status != null && RatingStatus.COUNTED.attributeValue().equals(status.getS());
    }

    private static StreamsEventResponse.BatchItemFailure failure(StreamRecord change) {
        return StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(change.getSequenceNumber()).build();
    }

    private record Pending(int recordIndex, long version) {
    }
}
