package io.ratelink.escalate.store;

import io.ratelink.escalate.Agent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.ratelink.storage.Attributes.millis;
import static io.ratelink.storage.Attributes.optionalText;
import static io.ratelink.storage.Attributes.s;
import static io.ratelink.storage.Attributes.text;

/** The one place that knows how an {@link Agent} is laid out as an item of the agents table. */
public final class AgentItem {

    public static final String AGENT_ID = "agentId";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String MANAGER_EMAIL = "managerEmail";
    /** The manager's address in lower case: the key of the agents table's index by manager. */
    public static final String MANAGER_KEY = "managerKey";
    public static final String LOCALE = "locale";
    public static final String UPDATED_AT = "updatedAt";

    private AgentItem() {
    }

    public static Map<String, AttributeValue> key(String agentId) {
        return Map.of(AGENT_ID, s(agentId));
    }

    public static Map<String, AttributeValue> toItem(Agent agent, Instant updatedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AGENT_ID, s(agent.agentId()));
        item.put(NAME, s(agent.name()));
        item.put(EMAIL, s(agent.email()));
        agent.managerEmail().ifPresent(address -> {
            item.put(MANAGER_EMAIL, s(address));
            item.put(MANAGER_KEY, s(managerKey(address)));
        });
        item.put(LOCALE, s(agent.locale()));
        item.put(UPDATED_AT, millis(updatedAt));
        return item;
    }

    /** How a manager's address is keyed in the index by manager: without surrounding blanks, in lower case. */
    public static String managerKey(String managerEmail) {
        return managerEmail.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static Agent toAgent(Map<String, AttributeValue> item) {
        return new Agent(text(item, AGENT_ID), text(item, NAME), text(item, EMAIL), optionalText(item, MANAGER_EMAIL),
                optionalText(item, LOCALE).orElse(Agent.DEFAULT_LOCALE));
    }
}
