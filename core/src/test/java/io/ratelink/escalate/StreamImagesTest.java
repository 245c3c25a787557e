package io.ratelink.escalate;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StreamImagesTest {

    @Test
    void aStreamImageReadsAsTheRatingItWasWrittenFrom() {
        Rating rating = StreamImages.rating(image("counted", true)).orElseThrow();

        assertThat(rating.surveyId()).isEqualTo("sid-1");
        assertThat(rating.scale()).isEqualTo(Scale.CSAT_5);
        assertThat(rating.score()).isEqualTo(2);
        assertThat(rating.low()).isTrue();
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(rating.comment()).contains("Not fixed");
        assertThat(rating.clicks()).singleElement().satisfies(click -> {
            assertThat(click.score()).isEqualTo(2);
            assertThat(click.client()).isEqualTo(ClientKind.BROWSER);
        });
    }

    @Test
    void anAbsentImageIsNoRating() {
        assertThat(StreamImages.rating(null)).isEmpty();
        assertThat(StreamImages.rating(Map.of())).isEmpty();
    }

    @Test
    void onlyCountedLowRatingsPassTheEventSourceFilter() {
        assertThat(SettleChecks.passesEventSourceFilter(record(image("counted", true)))).isTrue();
        assertThat(SettleChecks.passesEventSourceFilter(record(image("suspect", true)))).isFalse();
        assertThat(SettleChecks.passesEventSourceFilter(record(image("counted", false)))).isFalse();
        assertThat(SettleChecks.passesEventSourceFilter(record(null))).isFalse();
    }

    private static DynamodbEvent.DynamodbStreamRecord record(Map<String, AttributeValue> newImage) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setDynamodb(new StreamRecord().withNewImage(newImage).withSequenceNumber("1"));
        return record;
    }

    private static Map<String, AttributeValue> image(String status, boolean low) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("sid", new AttributeValue("sid-1"));
        image.put("scale", new AttributeValue("CSAT_5"));
        image.put("score", new AttributeValue().withN("2"));
        image.put("low", new AttributeValue().withBOOL(low));
        image.put("status", new AttributeValue(status));
        image.put("version", new AttributeValue().withN("1"));
        image.put("locale", new AttributeValue("en"));
        image.put("ticketId", new AttributeValue("T-1"));
        image.put("agentId", new AttributeValue("agent-1"));
        image.put("teamId", new AttributeValue("team-1"));
        image.put("customerRef", new AttributeValue("cust-1"));
        for (String time : List.of("issuedAt", "expiresAt", "firstClickAt", "lastClickAt", "changedAt", "commentAt")) {
            image.put(time, new AttributeValue().withN("1763629200000"));
        }
        image.put("comment", new AttributeValue("Not fixed"));
        image.put("clicks", new AttributeValue().withL(List.of(new AttributeValue().withM(Map.of(
                "at", new AttributeValue().withN("1763629200000"),
                "s", new AttributeValue().withN("2"),
                "c", new AttributeValue("BROWSER"),
                "m", new AttributeValue("GET"))))));
        return image;
    }
}
