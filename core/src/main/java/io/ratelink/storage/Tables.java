package io.ratelink.storage;

import java.util.List;
import java.util.Optional;

import static io.ratelink.storage.TableSpec.KeyType.NUMBER;
import static io.ratelink.storage.TableSpec.KeyType.STRING;

/** Every table ratelink keeps, described once. */
public final class Tables {

    /** The ratings index by change time: partition {@code changeDay} (yyyy-MM-dd, UTC), sort {@code changedAt} (epoch ms). */
    public static final String BY_CHANGE = "byChange";

    /** One item per survey: its current score, the score the aggregates counted, the click log, the comment. */
    public static final TableSpec RATINGS = new TableSpec("ratings",
            new TableSpec.Key("sid", STRING), Optional.empty(),
            List.of(new TableSpec.IndexSpec(BY_CHANGE,
                    new TableSpec.Key("changeDay", STRING), new TableSpec.Key("changedAt", NUMBER))),
            true, Optional.of("purgeAt"));

    /** The agents index by manager: partition {@code managerKey} (the manager's address in lower case), sort {@code agentId}. */
    public static final String BY_MANAGER = "byManager";

    /**
     * Who an agent is and whose manager hears about their low ratings; {@link #BY_MANAGER} finds the agents who report
     * to an address, for the dashboard's sign-in and what a manager sees.
     */
    public static final TableSpec AGENTS = new TableSpec("agents",
            new TableSpec.Key("agentId", STRING), Optional.empty(),
            List.of(new TableSpec.IndexSpec(BY_MANAGER,
                    new TableSpec.Key("managerKey", STRING), new TableSpec.Key("agentId", STRING))),
            false, Optional.empty());

    /**
     * Per dimension and scale: day histograms ({@code pk = <SCALE>#<dimension>}, {@code sk = day#yyyy-MM-dd}), the
     * rolled-up windows ({@code pk = windows#<SCALE>}, {@code sk = <dimension>}), and the recompute's state
     * ({@code pk = recompute}); {@code io.ratelink.score.store.ScoreItem} owns the layout.
     */
    public static final TableSpec SCORES = new TableSpec("scores",
            new TableSpec.Key("pk", STRING), Optional.of(new TableSpec.Key("sk", STRING)), List.of(), false,
            Optional.empty());

    /**
     * One item per low-rating episode ({@code mailKey = e-<version the rating entered the low band at>}) and per comment
     * follow-up ({@code mailKey = c-<version of the comment>}) of a survey: the conditional write that makes each email go
     * out once, and where failed sends wait to be listed ({@code byStatus}) and replayed.
     */
    public static final TableSpec ESCALATIONS = new TableSpec("escalations",
            new TableSpec.Key("sid", STRING), Optional.of(new TableSpec.Key("mailKey", STRING)),
            List.of(new TableSpec.IndexSpec("byStatus",
                    new TableSpec.Key("status", STRING), new TableSpec.Key("updatedAt", NUMBER))),
            false, Optional.of("purgeAt"));

    /**
     * One item per dashboard sign-in link used ({@code linkId}), written by one conditional write that makes each link
     * sign in once; DynamoDB's time to live removes it once the link would have expired anyway ({@code purgeAt}).
     */
    public static final TableSpec SIGNINS = new TableSpec("signins",
            new TableSpec.Key("linkId", STRING), Optional.empty(), List.of(), false, Optional.of("purgeAt"));

    public static final List<TableSpec> ALL = List.of(RATINGS, AGENTS, SCORES, ESCALATIONS, SIGNINS);

    private Tables() {
    }
}
