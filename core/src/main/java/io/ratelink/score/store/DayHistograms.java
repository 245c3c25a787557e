package io.ratelink.score.store;

import io.ratelink.score.DayKey;
import io.ratelink.score.Histogram;
import io.ratelink.score.Series;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.ratelink.score.store.ScoreItem.*;
import static io.ratelink.storage.Attributes.s;

/** The day histograms of the scores table: one item per series and day, written whole. */
public class DayHistograms {

    private final ScoreTable scores;

    DayHistograms(ScoreTable scores) {
        this.scores = scores;
    }

    /** The stored histograms of the given days; a day without answers is absent. */
    public Map<DayKey, Histogram> of(Collection<DayKey> keys) {
        Map<DayKey, Histogram> days = new HashMap<>();
        scores.batchGet(ScoreOperation.READ_DAYS, keys.stream().map(ScoreItem::dayKey).toList(), true,
                item -> days.put(dayKeyOf(item), dayHistogram(item)));
        return days;
    }

    /** Every stored day of one series, in order of days. */
    public SortedMap<LocalDate, Histogram> of(Series series) {
        SortedMap<LocalDate, Histogram> days = new TreeMap<>();
        String condition = "#pk = :pk AND begins_with(#sk, :day)";
        QueryRequest query = QueryRequest.builder()
                .tableName(scores.table)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(seriesPartition(series)), ":day", s(DAY_PREFIX)))
                .consistentRead(true)
                .build();
        scores.dynamo.queryPaginator(query).items().forEach(item -> days.put(dayKeyOf(item).day(), dayHistogram(item)));
        return days;
    }

    /** The stored days of one series from {@code first} to {@code last}, both included, in order of days. */
    public SortedMap<LocalDate, Histogram> between(Series series, LocalDate first, LocalDate last) {
        SortedMap<LocalDate, Histogram> days = new TreeMap<>();
        if (first.isAfter(last)) {
            return days;
        }
        String condition = "#pk = :pk AND #sk BETWEEN :first AND :last";
        QueryRequest query = QueryRequest.builder()
                .tableName(scores.table)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(seriesPartition(series)),
                        ":first", s(DAY_PREFIX + first), ":last", s(DAY_PREFIX + last)))
                .overrideConfiguration(ScoreOperation.READ_DAY_RANGE.tag())
                .build();
        scores.dynamo.queryPaginator(query).items().forEach(item -> days.put(dayKeyOf(item).day(), dayHistogram(item)));
        return days;
    }

    /** Writes each day's histogram whole; an empty one removes the day. */
    public void write(Map<DayKey, Histogram> days, long plan) {
        List<WriteRequest> writes = new ArrayList<>(days.size());
        days.forEach((key, histogram) -> writes.add(histogram.isEmpty()
                ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(dayKey(key)).build()).build()
                : WriteRequest.builder().putRequest(PutRequest.builder().item(dayItem(key, histogram, plan)).build()).build()));
        scores.batchWrite(ScoreOperation.WRITE_DAYS, writes, "writing day histograms");
    }
}
