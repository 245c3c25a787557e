package io.ratelink.score.store;

import io.ratelink.score.DayKey;
import io.ratelink.score.Histogram;
import io.ratelink.score.Series;
import io.ratelink.storage.BatchRetry;
import io.ratelink.survey.Scale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.ratelink.score.store.ScoreItem.*;
import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.namesIn;
import static io.ratelink.storage.Attributes.s;

/**
 * The scores table: day histograms, the rolled-up windows of each series, and the recompute's state and
 * committed plans (see {@link ScoreItem} for the layout).
 *
 * <p>Every read is strongly consistent: a run builds on what the run before it wrote a moment ago.
 *
 * <p>The state item is the recompute's lock and log in one: a run takes the lease on it, commits a plan, and
 * finishes, each step a conditional update that succeeds only for the run holding the lease. Histograms and
 * windows are written whole, never added to, so writing the same plan twice leaves the same scores.
 */
public class ScoreStore {

    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public ScoreStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ---- day histograms

    /** The stored histograms of the given days; a day without answers is absent. */
    public Map<DayKey, Histogram> days(Collection<DayKey> keys) {
        Map<DayKey, Histogram> days = new HashMap<>();
        batchGet(keys.stream().map(ScoreItem::dayKey).toList(), true,
                item -> days.put(dayKeyOf(item), dayHistogram(item)));
        return days;
    }

    /** Every stored day of one series, in order of days. */
    public SortedMap<LocalDate, Histogram> days(Series series) {
        SortedMap<LocalDate, Histogram> days = new TreeMap<>();
        String condition = "#pk = :pk AND begins_with(#sk, :day)";
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(seriesPartition(series)), ":day", s(DAY_PREFIX)))
                .consistentRead(true)
                .build();
        dynamo.queryPaginator(query).items().forEach(item -> days.put(dayKeyOf(item).day(), dayHistogram(item)));
        return days;
    }

    /** Writes each day's histogram whole; an empty one removes the day. */
    public void writeDays(Map<DayKey, Histogram> days, long plan) {
        List<WriteRequest> writes = new ArrayList<>(days.size());
        days.forEach((key, histogram) -> writes.add(histogram.isEmpty()
                ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(dayKey(key)).build()).build()
                : WriteRequest.builder().putRequest(PutRequest.builder().item(dayItem(key, histogram, plan)).build()).build()));
        batchWrite(writes, "writing day histograms");
    }

    // ---- windows

    /** The stored windows of the given series; a series never rolled up is absent. */
    public Map<Series, SeriesWindows> windows(Collection<Series> series) {
        Map<Series, SeriesWindows> windows = new HashMap<>();
        batchGet(series.stream().map(ScoreItem::windowsKey).toList(), true, item -> {
            SeriesWindows stored = seriesWindows(item);
            windows.put(stored.series(), stored);
        });
        return windows;
    }

    public Optional<SeriesWindows> windows(Series series) {
        return Optional.ofNullable(windows(List.of(series)).get(series));
    }

    /** The windows of every series of one scale that has been rolled up. */
    public void forEachWindows(Scale scale, Consumer<SeriesWindows> each) {
        String condition = "#pk = :pk";
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(windowsPartition(scale))))
                .consistentRead(true)
                .build();
        dynamo.queryPaginator(query).items().forEach(item -> each.accept(seriesWindows(item)));
    }

    public void writeWindows(Collection<SeriesWindows> windows) {
        batchWrite(windows.stream()
                .map(one -> WriteRequest.builder().putRequest(PutRequest.builder().item(windowsItem(one)).build()).build())
                .toList(), "writing windows");
    }

    // ---- the recompute's state

    /** The state as it is now, read strongly consistent. */
    public RecomputeState state() {
        return ScoreItem.state(dynamo.getItem(b -> b.tableName(table).key(stateKey()).consistentRead(true)).item());
    }

    /**
     * Takes the recompute lease for {@code holder} until {@code until}, if nobody holds it or its holder's lease ran
     * out before {@code now}.
     *
     * @return the state with the lease taken, or empty if another run holds it
     */
    public Optional<RecomputeState> acquireLease(String holder, Instant now, Instant until) {
        String update = "SET #leaseHolder = :holder, #leaseUntil = :until";
        String condition = "attribute_not_exists(#leaseHolder) OR #leaseUntil < :now";
        try {
            return Optional.of(ScoreItem.state(dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(stateKey())
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(Map.of(":holder", s(holder), ":until", n(until.toEpochMilli()),
                            ":now", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()).attributes()));
        } catch (ConditionalCheckFailedException held) {
            return Optional.empty();
        }
    }

    /**
     * Commits a plan already saved in {@code chunks} items: from now on it is applied to the end, by this run or
     * the next holder of the lease. A plan may replace a pending one only when {@code replacing} names it.
     *
     * @throws LeaseLost if {@code holder} no longer holds the lease at {@code now}
     */
    public void commitPlan(String holder, Instant now, long sequence, int chunks, OptionalLong replacing) {
        String update = "SET #pending = :sequence, #pendingHolder = :holder, #pendingChunks = :chunks, #sequence = :sequence";
        String condition = "#leaseHolder = :holder AND #leaseUntil > :now AND "
                + (replacing.isPresent() ? "#pending = :replacing" : "attribute_not_exists(#pending)");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":sequence", n(sequence), ":chunks", n(chunks),
                ":holder", s(holder), ":now", n(now.toEpochMilli())));
        if (replacing.isPresent()) {
            values.put(":replacing", n(replacing.getAsLong()));
        }
        updateState(holder, "committing plan " + sequence, update, condition, values);
    }

    /**
     * Records a finished run: the new watermark, and the pending plan, if it applied one, done.
     *
     * @param appliedPlan the plan it applied and now removes from pending, if any
     * @throws LeaseLost if {@code holder} no longer holds the lease
     */
    public void finish(String holder, OptionalLong appliedPlan, Instant watermark, Instant finishedAt, String mode) {
        String update = "SET #watermark = :watermark, #lastFinishedAt = :finishedAt, #lastMode = :mode"
                + (appliedPlan.isPresent() ? " REMOVE #pending, #pendingHolder, #pendingChunks" : "");
        String condition = "#leaseHolder = :holder AND "
                + (appliedPlan.isPresent() ? "#pending = :plan" : "attribute_not_exists(#pending)");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":watermark", n(watermark.toEpochMilli()),
                ":finishedAt", n(finishedAt.toEpochMilli()), ":mode", s(mode), ":holder", s(holder)));
        if (appliedPlan.isPresent()) {
            values.put(":plan", n(appliedPlan.getAsLong()));
        }
        updateState(holder, "finishing", update, condition, values);
    }

    /** Records that every series' windows are rolled up to {@code day}. */
    public void windowsRolledUpTo(String holder, LocalDate day) {
        String update = "SET #windowsAsOf = :day";
        String condition = "#leaseHolder = :holder";
        updateState(holder, "recording the windows' day", update, condition,
                Map.of(":day", s(day.toString()), ":holder", s(holder)));
    }

    /** Gives the lease back, if {@code holder} still holds it. */
    public void releaseLease(String holder) {
        String update = "REMOVE #leaseHolder, #leaseUntil";
        String condition = "#leaseHolder = :holder";
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(stateKey())
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(Map.of(":holder", s(holder)))
                    .build());
        } catch (ConditionalCheckFailedException notHeld) {
            // the lease ran out and another run took it: nothing of ours to give back
        }
    }

    // ---- plans

    /** Saves a plan, not yet committed, under its sequence number and the run that wrote it. */
    public void savePlan(long sequence, String holder, List<byte[]> chunks) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(planChunkItem(sequence, holder, chunk, chunks.get(chunk))).build()).build());
        }
        batchWrite(writes, "saving plan " + sequence);
    }

    public List<byte[]> loadPlan(long sequence, String holder, int chunks) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            keys.add(planChunkKey(sequence, holder, chunk));
        }
        Map<String, byte[]> bodies = new HashMap<>();
        batchGet(keys, true, item -> bodies.put(item.get(SK).s(), planChunkBody(item)));
        List<byte[]> ordered = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            byte[] body = bodies.get(key.get(SK).s());
            if (body == null) {
                throw new IllegalStateException("plan " + sequence + " is committed but its item "
                        + key.get(SK).s() + " is missing");
            }
            ordered.add(body);
        }
        return ordered;
    }

    public void deletePlan(long sequence, String holder, int chunks) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(planChunkKey(sequence, holder, chunk)).build()).build());
        }
        batchWrite(deletes, "deleting plan " + sequence);
    }

    // ---- plumbing

    private void updateState(String holder, String step, String update, String condition,
                             Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(stateKey())
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(values)
                    .build());
        } catch (ConditionalCheckFailedException refused) {
            throw new LeaseLost(holder, step);
        }
    }

    private void batchGet(List<Map<String, AttributeValue>> keys, boolean consistent,
                          Consumer<Map<String, AttributeValue>> each) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_LIMIT)))
                    .consistentRead(consistent)
                    .build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                BatchRetry.beforeAttempt(attempt, "reading scores");
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                response.responses().getOrDefault(table, List.of()).forEach(each);
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
    }

    private void batchWrite(List<WriteRequest> writes, String what) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_LIMIT) {
            Map<String, List<WriteRequest>> request = Map.of(table,
                    writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_LIMIT)));
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                BatchRetry.beforeAttempt(attempt, what);
                Map<String, List<WriteRequest>> ask = request;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(ask));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
