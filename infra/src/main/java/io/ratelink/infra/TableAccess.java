package io.ratelink.infra;

import io.ratelink.storage.Tables;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.ratelink.infra.TableAction.BATCH_GET_ITEM;
import static io.ratelink.infra.TableAction.BATCH_WRITE_ITEM;
import static io.ratelink.infra.TableAction.GET_ITEM;
import static io.ratelink.infra.TableAction.PUT_ITEM;
import static io.ratelink.infra.TableAction.QUERY;
import static io.ratelink.infra.TableAction.SCAN;
import static io.ratelink.infra.TableAction.UPDATE_ITEM;

/** What each function may do to each table, by table name; nothing else is granted. */
public final class TableAccess {

    /**
     * The table notify will keep escalations in (one per low-rating episode, failed sends to list and replay). No spec
     * describes it yet: the stack grants {@link #NOTIFY_ESCALATIONS} on it as soon as a spec of this name is added.
     */
    public static final String ESCALATIONS_TABLE = "escalations";

    /**
     * Recompute finds changed ratings through the change index, scans for a full rebuild, and writes back onto each
     * rating the score it has now counted (the next run subtracts exactly that), hence UpdateItem on ratings.
     */
    public static final Map<String, Set<TableAction>> RECOMPUTE = Map.of(
            Tables.RATINGS.name(), actions(GET_ITEM, QUERY, SCAN, UPDATE_ITEM),
            Tables.SCORES.name(), actions(GET_ITEM, BATCH_GET_ITEM, QUERY, PUT_ITEM, UPDATE_ITEM, BATCH_WRITE_ITEM));

    /** A click is one conditional UpdateItem; the admin API reads ratings and scores, and keeps agents. */
    public static final Map<String, Set<TableAction>> CAPTURE_AND_ADMIN = Map.of(
            Tables.RATINGS.name(), actions(UPDATE_ITEM, GET_ITEM, QUERY),
            Tables.AGENTS.name(), actions(GET_ITEM, PUT_ITEM),
            Tables.SCORES.name(), actions(GET_ITEM, QUERY));

    /** {@code POST /v1/recompute} runs the recompute inside the HTTP function. */
    public static final Map<String, Set<TableAction>> HTTP = union(CAPTURE_AND_ADMIN, RECOMPUTE);

    /** Notify gets its ratings from the stream (granted with the event source) and looks up the agent's manager. */
    public static final Map<String, Set<TableAction>> NOTIFY = Map.of(
            Tables.AGENTS.name(), actions(GET_ITEM));

    public static final Set<TableAction> NOTIFY_ESCALATIONS = actions(GET_ITEM, QUERY, PUT_ITEM, UPDATE_ITEM);

    private TableAccess() {
    }

    private static Set<TableAction> actions(TableAction first, TableAction... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    private static Map<String, Set<TableAction>> union(Map<String, Set<TableAction>> first, Map<String, Set<TableAction>> second) {
        Map<String, Set<TableAction>> union = new HashMap<>();
        for (Map<String, Set<TableAction>> plan : List.of(first, second)) {
            plan.forEach((table, actions) -> union.merge(table, actions, (a, b) -> {
                EnumSet<TableAction> merged = EnumSet.copyOf(a);
                merged.addAll(b);
                return Collections.unmodifiableSet(merged);
            }));
        }
        return Map.copyOf(union);
    }
}
