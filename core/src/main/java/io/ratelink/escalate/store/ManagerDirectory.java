package io.ratelink.escalate.store;

import io.ratelink.escalate.Agent;
import io.ratelink.escalate.Recipient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Who manages whom, kept in the agents table: {@code PUT/GET /v1/agents/{id}} write and read it, and escalations
 * look up who to write to. An agent without a manager on file, or not on file at all, escalates to the configured
 * fallback address.
 */
public class ManagerDirectory {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Optional<String> fallbackAddress;
    private final String fallbackLocale;
    private final Clock clock;

    public ManagerDirectory(DynamoDbClient dynamo, String table, Optional<String> fallbackAddress, String fallbackLocale,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.fallbackAddress = fallbackAddress.map(String::strip).filter(address -> !address.isEmpty());
        this.fallbackLocale = fallbackLocale;
        this.clock = clock;
        this.fallbackAddress.filter(address -> !Agent.isAddress(address)).ifPresent(address -> {
            throw new IllegalArgumentException("ratelink.escalation.fallback-address must be one plain address, got '"
                    + address + "'");
        });
    }

    public Optional<Agent> find(String agentId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                    .key(AgentItem.key(agentId)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AgentItem.toAgent(item));
        } catch (SdkException e) {
            throw new DirectoryUnavailable("the agents table could not be read", e);
        }
    }

    /** Stores the agent, replacing what was on file for the same id. */
    public Agent save(Agent agent) {
        try {
            dynamo.putItem(request -> request.tableName(table).item(AgentItem.toItem(agent, clock.instant())));
            return agent;
        } catch (SdkException e) {
            throw new DirectoryUnavailable("the agents table did not take the agent", e);
        }
    }

    /** The manager of the agent, else the fallback address; empty when there is neither. */
    public Optional<Recipient> recipientFor(String agentId) {
        Optional<Agent> agent = find(agentId);
        Optional<String> manager = agent.flatMap(Agent::managerEmail);
        if (manager.isPresent()) {
            return Optional.of(new Recipient(manager.get(), agent.get().locale(), agent, Recipient.Route.MANAGER));
        }
        return fallbackAddress.map(address -> new Recipient(address, agent.map(Agent::locale).orElse(fallbackLocale), agent,
                agent.isPresent() ? Recipient.Route.FALLBACK_NO_MANAGER : Recipient.Route.FALLBACK_UNKNOWN_AGENT));
    }

    /** The agents table could not be reached; nothing was read or written. */
    public static final class DirectoryUnavailable extends RuntimeException {
        DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
