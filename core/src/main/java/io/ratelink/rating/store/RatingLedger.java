package io.ratelink.rating.store;

import io.ratelink.storage.ConditionalUpdate;
import io.ratelink.rating.CountedScoreConflict;
import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.rating.Rating;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Consumer;

import static io.ratelink.rating.store.RatingItem.*;
import static io.ratelink.storage.Attributes.*;

/**
 * The ratings table as the recompute sees it: which ratings changed, what they are now, and what the scores
 * count for each ({@code countedScore}, {@code countedVersion}), which only the recompute writes.
 *
 * <p>The change-time index is a global secondary index, so what it answers may trail the table by a moment:
 * it tells which ratings to look at, and {@link #current} reads them from the table itself, strongly
 * consistent, before anything is counted.
 */
public class RatingLedger {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String changeIndex;

    /**
     * @param changeIndex the index keyed by {@value RatingItem#CHANGE_DAY} and {@value RatingItem#CHANGED_AT}
     */
    public RatingLedger(DynamoDbClient dynamo, String table, String changeIndex) {
        this.dynamo = dynamo;
        this.table = table;
        this.changeIndex = changeIndex;
    }

    /**
     * Every rating whose last change is after {@code after}, from the change-time index: one query per change
     * day from the day of {@code after} to {@code lastDay}.
     */
    public void changedSince(Instant after, LocalDate lastDay, Consumer<Rating> each) {
        String condition = "#changeDay = :day AND #changedAt > :after";
        for (LocalDate day = after.atOffset(ZoneOffset.UTC).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            QueryRequest query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(changeIndex)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(namesIn(condition))
                    .expressionAttributeValues(Map.of(":day", s(day.toString()), ":after", millis(after)))
                    .overrideConfiguration(LedgerOperation.CHANGED_SINCE.tag())
                    .build();
            dynamo.queryPaginator(query).items().forEach(item -> each.accept(toRating(item)));
        }
    }

    /** Every rating in the table, for a full rebuild. */
    public void scan(Consumer<Rating> each) {
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build())
                .items().forEach(item -> each.accept(toRating(item)));
    }

    /**
     * The ratings as they are now, read strongly consistent, by survey id; a rating that no longer exists is
     * absent. One {@code GetItem} each: the recompute's role may read single ratings but not batches of them.
     */
    public Map<String, Rating> current(Collection<String> surveyIds) {
        Map<String, Rating> ratings = new HashMap<>();
        for (String surveyId : new LinkedHashSet<>(surveyIds)) {
            Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                    .tableName(table).key(key(surveyId)).consistentRead(true).build()).item();
            if (item != null && !item.isEmpty()) {
                ratings.put(surveyId, toRating(item));
            }
        }
        return ratings;
    }

    /**
     * Writes what the scores count for a rating. A recount is written over whatever was counted; a moved count
     * only over the score it moved from, or over itself when an earlier attempt already wrote it, so writing
     * the same mark again changes nothing. The rating's version, score and change time are left alone: a click
     * since the count still shows as a change for the next recompute.
     *
     * @return {@code false} if the rating no longer exists (its time to live ran out), {@code true} otherwise
     * @throws CountedScoreConflict if a moved count finds another score counted
     */
    public boolean markCounted(CountedScoreUpdate mark) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":version", n(mark.version()));
        String update;
        if (mark.counted() == null) {
            update = "SET #countedVersion = :version REMOVE #countedScore";
        } else {
            update = "SET #countedScore = :counted, #countedVersion = :version";
            values.put(":counted", n(mark.counted()));
        }
        String condition = "attribute_exists(#sid)";
        if (!mark.recount()) {
            String before = countedIs(mark.previouslyCounted(), ":before", values);
            String already = "#countedVersion = :version AND " + countedIs(mark.counted(), ":counted", values);
            condition += " AND (" + before + " OR (" + already + "))";
        }
        try {
            dynamo.updateItem(ConditionalUpdate.of(table, key(mark.surveyId()), update, condition, values)
                    .overrideConfiguration(LedgerOperation.MARK_COUNTED.tag())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            if (!refused.hasItem() || refused.item().isEmpty()) {
                return false;
            }
            throw new CountedScoreConflict(mark, toRating(refused.item()));
        }
    }

    private static String countedIs(Integer score, String placeholder, Map<String, AttributeValue> values) {
        if (score == null) {
            return "attribute_not_exists(#countedScore)";
        }
        values.put(placeholder, n(score));
        return "#countedScore = " + placeholder;
    }
}
