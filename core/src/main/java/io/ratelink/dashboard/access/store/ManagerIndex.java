package io.ratelink.dashboard.access.store;

import io.ratelink.dashboard.access.ManagedAgents;
import io.ratelink.escalate.store.AgentItem;
import io.ratelink.storage.NamedOperation;
import io.ratelink.storage.StoreUnavailable;
import io.ratelink.storage.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.ratelink.storage.Attributes.s;
import static io.ratelink.storage.Attributes.text;

/**
 * The agents who report to a manager, read from the agents table's index by manager ({@link Tables#BY_MANAGER}, keyed
 * by the lower-cased address that {@link AgentItem} writes with every agent that has a manager). The index is
 * eventually consistent: a manager set a moment ago may take a moment to be found.
 */
public class ManagerIndex implements ManagedAgents {

    public static final String REPORTING_TO = "agents.reporting-to";

    private final DynamoDbClient dynamo;
    private final String table;

    public ManagerIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<String> reportingTo(String managerEmail) {
        Set<String> agents = new TreeSet<>();
        if (managerEmail.isBlank()) {
            return agents;
        }
        try {
            dynamo.queryPaginator(query(managerEmail).build()).items()
                    .forEach(item -> agents.add(text(item, AgentItem.AGENT_ID)));
        } catch (SdkException e) {
            throw new StoreUnavailable("the agents table's index by manager could not be read", e);
        }
        return agents;
    }

    @Override
    public boolean managesAnyone(String managerEmail) {
        if (managerEmail.isBlank()) {
            return false;
        }
        try {
            return dynamo.query(query(managerEmail).limit(1).build()).count() > 0;
        } catch (SdkException e) {
            throw new StoreUnavailable("the agents table's index by manager could not be read", e);
        }
    }

    private QueryRequest.Builder query(String managerEmail) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(Tables.BY_MANAGER)
                .keyConditionExpression("#m = :m")
                .expressionAttributeNames(Map.of("#m", AgentItem.MANAGER_KEY))
                .expressionAttributeValues(Map.of(":m", s(AgentItem.managerKey(managerEmail))))
                .projectionExpression(AgentItem.AGENT_ID)
                .overrideConfiguration(NamedOperation.named(REPORTING_TO));
    }
}
