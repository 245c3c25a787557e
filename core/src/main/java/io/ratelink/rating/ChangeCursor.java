package io.ratelink.rating;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a ratings listing stopped: the change day being read and the index key of the last rating returned.
 * Opaque to clients (base64url JSON).
 */
record ChangeCursor(LocalDate day, Map<String, AttributeValue> lastKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("d", day.toString());
        if (!lastKey.isEmpty()) {
            json.put("sid", lastKey.get(RatingItem.SURVEY_ID).s());
            json.put("at", lastKey.get(RatingItem.CHANGED_AT).n());
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChangeCursor decode(String cursor) {
        try {
            Map<String, String> json = JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() { });
            LocalDate day = LocalDate.parse(json.get("d"));
            if (!json.containsKey("sid")) {
                return new ChangeCursor(day, Map.of());
            }
            Long.parseLong(json.get("at"));
            return new ChangeCursor(day, Map.of(
                    RatingItem.SURVEY_ID, AttributeValue.fromS(json.get("sid")),
                    RatingItem.CHANGE_DAY, AttributeValue.fromS(day.toString()),
                    RatingItem.CHANGED_AT, AttributeValue.fromN(json.get("at"))));
        } catch (RuntimeException | IOException e) {
            throw new IllegalArgumentException("cursor is not one this API returned", e);
        }
    }
}
