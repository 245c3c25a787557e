package io.ratelink.score.store;

import io.ratelink.score.Dimension;
import io.ratelink.score.Series;
import io.ratelink.survey.Scale;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static io.ratelink.score.store.ScoreItem.*;
import static io.ratelink.storage.Attributes.s;

/** The rolled-up windows of the scores table: one item per series with every window, its counts and metrics. */
public class StoredWindows {

    private final ScoreTable scores;

    StoredWindows(ScoreTable scores) {
        this.scores = scores;
    }

    /** The stored windows of the given series; a series never rolled up is absent. */
    public Map<Series, SeriesWindows> of(Collection<Series> series) {
        Map<Series, SeriesWindows> windows = new HashMap<>();
        scores.batchGet(ScoreOperation.READ_WINDOWS, series.stream().map(ScoreItem::windowsKey).toList(), true, item -> {
            SeriesWindows stored = seriesWindows(item);
            windows.put(stored.series(), stored);
        });
        return windows;
    }

    public Optional<SeriesWindows> of(Series series) {
        return Optional.ofNullable(of(List.of(series)).get(series));
    }

    /** The windows of every series of one scale that has been rolled up. */
    public void forEach(Scale scale, Consumer<SeriesWindows> each) {
        String condition = "#pk = :pk";
        QueryRequest query = QueryRequest.builder()
                .tableName(scores.table)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(windowsPartition(scale))))
                .consistentRead(true)
                .build();
        scores.dynamo.queryPaginator(query).items().forEach(item -> each.accept(seriesWindows(item)));
    }

    /**
     * The dimensions of one kind (the teams, say) that have windows on a scale, in order of their written form: one
     * query of the scale's partition, reading only the keys.
     */
    public List<Dimension> dimensions(Scale scale, Dimension.Kind kind) {
        QueryRequest query = QueryRequest.builder()
                .tableName(scores.table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :kind)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(windowsPartition(scale)), ":kind", s(kind.prefix() + ":")))
                .projectionExpression("#sk")
                .overrideConfiguration(ScoreOperation.READ_WINDOWS.tag())
                .build();
        List<Dimension> dimensions = new java.util.ArrayList<>();
        scores.dynamo.queryPaginator(query).items().forEach(item -> Dimension.parse(item.get(SK).s())
                .filter(dimension -> dimension.kind() == kind).ifPresent(dimensions::add));
        return dimensions;
    }

    public void write(Collection<SeriesWindows> windows) {
        scores.batchWrite(ScoreOperation.WRITE_WINDOWS, windows.stream()
                .map(one -> WriteRequest.builder().putRequest(PutRequest.builder().item(windowsItem(one)).build()).build())
                .toList(), "writing windows");
    }
}
