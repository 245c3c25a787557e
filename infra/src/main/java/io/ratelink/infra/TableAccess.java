package io.ratelink.infra;

import io.ratelink.storage.Tables;

import java.util.Collections;
import java.util.EnumSet;
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

    /** The byStatus index of {@link Tables#ESCALATIONS} ({@code io.ratelink.escalate.store.EscalationItem.BY_STATUS_INDEX}). */
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
     * The capture function, the rating links: a click or an answer on the page is one conditional UpdateItem
     * ({@code RatingStore}), which reads nothing: a write refused on its condition returns the stored item.
     */
    public static final Map<String, TableGrant> CAPTURE = Map.of(
            Tables.RATINGS.name(), grant(actions(UPDATE_ITEM), Map.of()));

    /**
     * The HTTP function, admin API and dashboard: a rating is read with GetItem and listed by Query on byChange; agents are read and saved ({@code ManagerDirectory});
     * scores and the recompute state are read ({@code POST /v1/recompute} hands the run to the recompute function, so
     * none of the recompute's Scan, score writes or BatchWriteItem); escalations are listed by Query on byStatus and
     * read with GetItem, and a replay is handed to the escalate function through the queue, so nothing is written.
     * The dashboard's sign-in finds a manager's agents by Query on the agents' byManager index ({@code ManagerIndex}),
     * and spends a sign-in link with a conditional PutItem on sign-ins, whose GetItem tells the link's page whether it
     * was used ({@code SpentLinkTable}).
     * The dashboard reads the same, plus a survey's escalation thread (Query on the escalations table) for a rating's
     * page, and a span of a series' days, a scale's windows and the rosters (Query on scores).
     */
    public static final Map<String, TableGrant> HTTP = Map.of(
            Tables.RATINGS.name(), grant(actions(GET_ITEM), Map.of(Tables.BY_CHANGE, actions(QUERY))),
            Tables.AGENTS.name(), grant(actions(GET_ITEM, PUT_ITEM), Map.of(Tables.BY_MANAGER, actions(QUERY))),
            Tables.SCORES.name(), grant(actions(GET_ITEM, BATCH_GET_ITEM, QUERY), Map.of()),
            Tables.ESCALATIONS.name(), grant(actions(GET_ITEM, QUERY), Map.of(BY_STATUS, actions(QUERY))),
            Tables.SIGNINS.name(), grant(actions(GET_ITEM, PUT_ITEM), Map.of()));

    /**
     * Escalate, fed by the escalation queue: reads the rating as it is now (GetItem), looks up the agent's manager
     * (GetItem) and the agent's recent score for the email (GetItem, BatchGetItem on scores), reads, claims
     * (conditional PutItem), moves an escalation on and counts a manager's hourly emails (conditional UpdateItem),
     * and reads a survey's thread (Query on the table).
     */
    public static final Map<String, TableGrant> ESCALATE = Map.of(
            Tables.RATINGS.name(), grant(actions(GET_ITEM), Map.of()),
            Tables.AGENTS.name(), grant(actions(GET_ITEM), Map.of()),
            Tables.SCORES.name(), grant(actions(GET_ITEM, BATCH_GET_ITEM), Map.of()),
            Tables.ESCALATIONS.name(), grant(actions(GET_ITEM, PUT_ITEM, UPDATE_ITEM, QUERY), Map.of()));

    private TableAccess() {
    }

    private static TableGrant grant(Set<TableAction> onTable, Map<String, Set<TableAction>> onIndexes) {
        return new TableGrant(onTable, onIndexes);
    }

    private static Set<TableAction> actions(TableAction first, TableAction... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
