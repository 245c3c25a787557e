package io.ratelink.escalate;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.ratelink.rating.RatingItem;
import io.ratelink.rating.RatingStatus;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of the ratings table's stream records, as Lambda delivers them to the notify function and as the dev-mode
 * poller hands them over: each record goes to the {@link Escalator}, in order.
 *
 * <p>A record that cannot be handled (a table out of reach, a malformed image) is reported as a batch item failure,
 * and so is every record after it, unhandled: Lambda then redelivers from that record on, and a rating's comment is
 * never handled before its escalation. Records handled before the failure are redelivered too and find their emails
 * already sent.
 */
public class StreamEscalations {

    private static final Logger LOG = Logger.getLogger(StreamEscalations.class);
    private static final String REMOVE = "REMOVE";

    private final Escalator escalator;

    public StreamEscalations(Escalator escalator) {
        this.escalator = escalator;
    }

    public StreamsEventResponse handle(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (int index = 0; index < records.size(); index++) {
            DynamodbEvent.DynamodbStreamRecord record = records.get(index);
            StreamRecord change = record.getDynamodb();
            if (!failures.isEmpty()) {
                failures.add(failure(change));
                continue;
            }
            try {
                Escalator.Outcome outcome = escalator.onChange(StreamImages.rating(change.getOldImage()),
                        REMOVE.equals(record.getEventName()) ? Optional.empty() : StreamImages.rating(change.getNewImage()));
                LOG.debugf("Stream record %s: %s", change.getSequenceNumber(), outcome);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Stream record %s (event %s) could not be handled; it and the %d after it are reported "
                        + "for redelivery", change.getSequenceNumber(), record.getEventID(),
                        records.size() - index - 1);
                failures.add(failure(change));
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * The event source filter of the deployment ({@code NewImage.low = true AND NewImage.status = "counted"}), for
     * whatever feeds records without AWS in between: only these records reach the notify function.
     */
    public static boolean passesEventSourceFilter(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
        if (image == null) {
            return false;
        }
        var low = image.get(RatingItem.LOW);
        var status = image.get(RatingItem.STATUS);
        return low != null && Boolean.TRUE.equals(low.getBOOL())
                && status != null && RatingStatus.COUNTED.attributeValue().equals(status.getS());
    }

    private static StreamsEventResponse.BatchItemFailure failure(StreamRecord change) {
        return StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(change.getSequenceNumber()).build();
    }
}
