package io.ratelink.delivery.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ratelink.delivery.DueTask;

import java.time.Instant;
import java.util.Optional;

/** A {@link DueTask} as the body of a queue message: {@code {"kind":…,"subject":…,"version":…,"notBefore":…}}. */
public final class DueTaskMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DueTaskMessages() {
    }

    public static String write(DueTask task) {
        ObjectNode body = JSON.createObjectNode()
                .put("kind", task.kind())
                .put("subject", task.subject())
                .put("version", task.version());
        task.notBefore().ifPresent(at -> body.put("notBefore", at.toEpochMilli()));
        return body.toString();
    }

    /** @throws IllegalArgumentException for a body that is not a task */
    public static DueTask read(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.path("kind").isTextual() || !node.path("subject").isTextual()
                    || !node.path("version").canConvertToLong()) {
                throw new IllegalArgumentException("not a due task: " + abbreviated(body));
            }
            Optional<Instant> notBefore = node.path("notBefore").canConvertToLong()
                    ? Optional.of(Instant.ofEpochMilli(node.path("notBefore").asLong())) : Optional.empty();
            return new DueTask(node.get("kind").asText(), node.get("subject").asText(), node.get("version").asLong(),
                    notBefore);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a due task: " + abbreviated(body), e);
        }
    }

    private static String abbreviated(String body) {
        return body == null ? "null" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
