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

/**
 * What each function may do to each table, by table name, and to which of its indexes: exactly the DynamoDB
 * operations core issues on the function's code paths, nothing else.
 */
public final class TableAccess {

    /** The byStatus index of {@link Tables#ESCALATIONS} ({@code io.ratelink.escalate.EscalationItem.BY_STATUS_INDEX}). */
    public static final String BY_STATUS = "byStatus";

    /** The actions on the table itself, and per index name the actions on that index (Query and Scan only). */
    public record TableGrant(Set<TableAction> onTable, Map<String, Set<TableAction>> onIndexes) {
        public TableGrant {
            onTable = onTable.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(onTable));
            onIndexes = Map.copyOf(onIndexes);
            onIndexes.forEach((index, actions) -> {
                if (actions.isEmpty() || !actions.stream().allMatch(TableAction::readsIndexes)) {
                    throw new IllegalArgumentException("Only Query and Scan address an index, not " + actions + " on " + index);
                }
            });
        }

        TableGrant union(TableGrant other) {
            EnumSet<TableAction> table = EnumSet.noneOf(TableAction.class);
            table.addAll(onTable);
            table.addAll(other.onTable);
            Map<String, Set<TableAction>> indexes = new HashMap<>(onIndexes);
            other.onIndexes.forEach((index, actions) -> indexes.merge(index, actions, (a, b) -> {
                EnumSet<TableAction> merged = EnumSet.copyOf(a);
                merged.addAll(b);
                return merged;
            }));
            return new TableGrant(table, indexes);
        }
    }

    /**
     * Recompute ({@code io.ratelink.recompute.Recompute}): on ratings, Query on byChange for the changed ones
     * ({@code RatingLedger.changedSince}), Scan of the table for a full rebuild, one consistent GetItem per candidate
     * ({@code current}) and an UpdateItem writing back what it counted ({@code markCounted}); on scores
     * ({@code ScoreStore}), GetItem/UpdateItem of its state and lease, BatchGetItem/BatchWriteItem of days, windows
     * and plan chunks, Query of a series' days and a scale's windows. No PutItem anywhere.
     */
    public static final Map<String, TableGrant> RECOMPUTE = Map.of(
            Tables.RATINGS.name(), grant(actions(GET_ITEM, UPDATE_ITEM, SCAN), Map.of(Tables.BY_CHANGE, actions(QUERY))),
            Tables.SCORES.name(), grant(actions(GET_ITEM, BATCH_GET_ITEM, QUERY, UPDATE_ITEM, BATCH_WRITE_ITEM), Map.of()));

    /**
     * The capture and admin API: a click is one conditional UpdateItem ({@code RatingStore}), a rating is read with
     * GetItem and listed by Query on byChange; agents are read and saved ({@code ManagerDirectory}); scores are read;
     * failed escalations are listed by Query on byStatus and replayed with conditional UpdateItems
     * ({@code EscalationStore.claimForReplay}, {@code markSent}, {@code markFailed}, {@code release}).
     */
    public static final Map<String, TableGrant> CAPTURE_AND_ADMIN = Map.of(
            Tables.RATINGS.name(), grant(actions(UPDATE_ITEM, GET_ITEM), Map.of(Tables.BY_CHANGE, actions(QUERY))),
            Tables.AGENTS.name(), grant(actions(GET_ITEM, PUT_ITEM), Map.of()),
            Tables.SCORES.name(), grant(actions(GET_ITEM, BATCH_GET_ITEM, QUERY), Map.of()),
            Tables.ESCALATIONS.name(), grant(actions(UPDATE_ITEM), Map.of(BY_STATUS, actions(QUERY))));

    /** {@code POST /v1/recompute} runs the recompute inside the HTTP function. */
    public static final Map<String, TableGrant> HTTP = union(CAPTURE_AND_ADMIN, RECOMPUTE);

    /**
     * Notify gets its ratings from the stream (granted with the event source), looks up the agent's manager
     * (GetItem), reads the agent's recent score for the email (GetItem, BatchGetItem on scores), claims each email
     * with a conditional PutItem ({@code claimNew}), finds a comment's episode by Query on the table
     * ({@code latestEpisode}) and settles, takes over or releases a claim with UpdateItem.
     */
    public static final Map<String, TableGrant> NOTIFY = Map.of(
            Tables.AGENTS.name(), grant(actions(GET_ITEM), Map.of()),
            Tables.SCORES.name(), grant(actions(GET_ITEM, BATCH_GET_ITEM), Map.of()),
            Tables.ESCALATIONS.name(), grant(actions(PUT_ITEM, UPDATE_ITEM, QUERY), Map.of()));

    private TableAccess() {
    }

    private static TableGrant grant(Set<TableAction> onTable, Map<String, Set<TableAction>> onIndexes) {
        return new TableGrant(onTable, onIndexes);
    }

    private static Set<TableAction> actions(TableAction first, TableAction... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    private static Map<String, TableGrant> union(Map<String, TableGrant> first, Map<String, TableGrant> second) {
        Map<String, TableGrant> union = new HashMap<>();
        for (Map<String, TableGrant> plan : List.of(first, second)) {
            plan.forEach((table, grant) -> union.merge(table, grant, TableGrant::union));
        }
        return Map.copyOf(union);
    }
}
