package io.ratelink.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.List;

/**
 * Messages received from the embedded queue in the event shape Lambda's SQS event source hands a function, for what
 * stands in for that event source in dev mode and tests.
 */
public final class SqsEvents {

    private SqsEvents() {
    }

    /** @param queueArn the queue's ARN, as the event names it */
    public static SQSEvent of(List<Message> messages, String queueArn) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setAttributes(message.attributesAsStrings());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            return record;
        }).toList());
        return event;
    }
}
