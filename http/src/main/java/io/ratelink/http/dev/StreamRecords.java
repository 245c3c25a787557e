package io.ratelink.http.dev;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns records read with the DynamoDB Streams API into the event shape Lambda hands the notify function. */
final class StreamRecords {

    private StreamRecords() {
    }

    static DynamodbEvent.DynamodbStreamRecord toEvent(Record record, String streamArn) {
        software.amazon.awssdk.services.dynamodb.model.StreamRecord change = record.dynamodb();
        StreamRecord dynamodb = new StreamRecord();
        dynamodb.setKeys(image(change.keys()));
        if (change.hasNewImage()) {
            dynamodb.setNewImage(image(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.setOldImage(image(change.oldImage()));
        }
        dynamodb.setSequenceNumber(change.sequenceNumber());
        dynamodb.setSizeBytes(change.sizeBytes());
        if (change.streamViewType() != null) {
            dynamodb.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType
                    .fromValue(change.streamViewTypeAsString()));
        }
        if (change.approximateCreationDateTime() != null) {
            dynamodb.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
        }
        DynamodbEvent.DynamodbStreamRecord event = new DynamodbEvent.DynamodbStreamRecord();
        event.setEventID(record.eventID());
        event.setEventName(record.eventNameAsString());
        event.setEventVersion(record.eventVersion());
        event.setEventSource(record.eventSource());
        event.setAwsRegion(record.awsRegion());
        event.setEventSourceARN(streamArn);
        event.setDynamodb(dynamodb);
        return event;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue converted = new AttributeValue();
        if (value.s() != null) {
            converted.setS(value.s());
        } else if (value.n() != null) {
            converted.setN(value.n());
        } else if (value.bool() != null) {
            converted.setBOOL(value.bool());
        } else if (value.hasM()) {
            converted.setM(image(value.m()));
        } else if (value.hasL()) {
            converted.setL(value.l().stream().map(StreamRecords::value).toList());
        } else if (value.hasSs()) {
            converted.setSS(value.ss());
        } else if (value.hasNs()) {
            converted.setNS(value.ns());
        } else if (value.b() != null) {
            converted.setB(value.b().asByteBuffer());
        } else if (value.hasBs()) {
            converted.setBS(value.bs().stream().map(SdkBytes::asByteBuffer).toList());
        } else if (Boolean.TRUE.equals(value.nul())) {
            converted.setNULL(true);
        }
        return converted;
    }
}
