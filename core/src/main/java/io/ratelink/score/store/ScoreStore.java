package io.ratelink.score.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The scores table: day histograms, the rolled-up windows of each series, and the recompute's state and
 * committed plans (see {@link ScoreItem} for the layout).
 *
 * <p>Every read is strongly consistent: a run builds on what the run before it wrote a moment ago.
 *
 * <p>The state item is the recompute's lock and log in one: a run takes the lease on it, commits a plan, and
 * finishes, each step a conditional update that succeeds only for the run holding the lease. Histograms and
 * windows are written whole, never added to, so writing the same plan twice leaves the same scores.
 *
 * <p>Each part of the table has a class of its own ({@link DayHistograms}, {@link StoredWindows},
 * {@link RecomputeLease}, {@link PlanChunks}, {@link Rosters}), over one client and table name.
 */
public class ScoreStore {

    private final DayHistograms days;
    private final StoredWindows windows;
    private final RecomputeLease lease;
    private final PlanChunks plans;
    private final Rosters rosters;

    public ScoreStore(DynamoDbClient dynamo, String table) {
        ScoreTable scores = new ScoreTable(dynamo, table);
        this.days = new DayHistograms(scores);
        this.windows = new StoredWindows(scores);
        this.lease = new RecomputeLease(scores);
        this.plans = new PlanChunks(scores);
        this.rosters = new Rosters(scores);
    }

    public DayHistograms days() {
        return days;
    }

    public StoredWindows windows() {
        return windows;
    }

    public RecomputeLease lease() {
        return lease;
    }

    public PlanChunks plans() {
        return plans;
    }

    public Rosters rosters() {
        return rosters;
    }
}
