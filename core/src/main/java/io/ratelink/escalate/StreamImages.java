package io.ratelink.escalate;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingItem;
import software.amazon.awssdk.core.SdkBytes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the ratings in a DynamoDB Streams record's images: the event library's attribute values become the SDK's,
 * which {@link RatingItem} reads.
 */
public final class StreamImages {

    private StreamImages() {
    }

    public static Optional<Rating> rating(Map<String, AttributeValue> image) {
        return image == null || image.isEmpty() ? Optional.empty() : Optional.of(RatingItem.toRating(toSdk(image)));
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
            Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue value) {
        var sdk = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (value.getS() != null) {
            return sdk.s(value.getS()).build();
        }
        if (value.getN() != null) {
            return sdk.n(value.getN()).build();
        }
        if (value.getBOOL() != null) {
            return sdk.bool(value.getBOOL()).build();
        }
        if (value.getM() != null) {
            return sdk.m(toSdk(value.getM())).build();
        }
        if (value.getL() != null) {
            return sdk.l(value.getL().stream().map(StreamImages::toSdk).toList()).build();
        }
        if (value.getSS() != null) {
            return sdk.ss(value.getSS()).build();
        }
        if (value.getNS() != null) {
            return sdk.ns(value.getNS()).build();
        }
        if (value.getB() != null) {
            return sdk.b(SdkBytes.fromByteBuffer(value.getB())).build();
        }
        if (value.getBS() != null) {
            return sdk.bs(value.getBS().stream().map(SdkBytes::fromByteBuffer).toList()).build();
        }
        if (Boolean.TRUE.equals(value.getNULL())) {
            return sdk.nul(true).build();
        }
        throw new IllegalArgumentException("an attribute value of no known type: " + value);
    }
}
