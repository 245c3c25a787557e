package io.ratelink.rating.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.storage.Attributes;
import io.ratelink.survey.SurveyIds;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a ratings listing stopped: the change day being read and the index key of the last rating read on it.
 * Opaque to clients (base64url JSON), and checked against the query it continues before any of it reaches the
 * database: a cursor names a day and a change time within the query's range, and a well-formed survey id.
 */
record ChangeCursor(LocalDate day, Map<String, AttributeValue> lastKey) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("d", "sid", "at");

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

    /**
     * The cursor, if it is one a listing over {@code from}…{@code to} returned.
     *
     * @throws IllegalArgumentException naming what is wrong, for a cursor this store did not write or one of a
     *                                  listing over another range
     */
    static ChangeCursor decode(String cursor, Instant from, Instant to) {
        Map<String, String> json;
        LocalDate day;
        try {
            json = JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() { });
            day = LocalDate.parse(json.get("d"));
        } catch (RuntimeException | IOException e) {
            throw new IllegalArgumentException("cursor is not one this API returned", e);
        }
        if (!KEYS.containsAll(json.keySet()) || json.containsKey("sid") != json.containsKey("at")) {
            throw new IllegalArgumentException("cursor is not one this API returned");
        }
        if (day.isBefore(LocalDate.parse(RatingItem.changeDay(from))) || day.isAfter(LocalDate.parse(RatingItem.changeDay(to)))) {
            throw new IllegalArgumentException("cursor is outside this listing's from..to: send it with the same from "
                    + "and to as the request that returned it");
        }
        if (!json.containsKey("sid")) {
            return new ChangeCursor(day, Map.of());
        }
        long millis;
        Instant changedAt;
        try {
            millis = Long.parseLong(json.get("at"));
            changedAt = Instant.ofEpochMilli(millis);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this API returned", e);
        }
        if (!SurveyIds.isWellFormed(json.get("sid")) || !RatingItem.changeDay(changedAt).equals(day.toString())) {
            throw new IllegalArgumentException("cursor is not one this API returned");
        }
        if (changedAt.isBefore(from) || changedAt.isAfter(to)) {
            throw new IllegalArgumentException("cursor is outside this listing's from..to: send it with the same from "
                    + "and to as the request that returned it");
        }
        return new ChangeCursor(day, Map.of(
                RatingItem.SURVEY_ID, Attributes.s(json.get("sid")),
                RatingItem.CHANGE_DAY, Attributes.s(day.toString()),
                RatingItem.CHANGED_AT, Attributes.n(millis)));
    }
}
