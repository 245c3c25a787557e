package io.ratelink.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ratings table held when the stream reported a change: each record's new image written back to the table,
 * as the click path wrote it before the stream carried it, so that a check reading the rating finds it.
 */
final class TableWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableWrites() {
    }

    /** Writes the newest image of each survey in the event to the ratings table. */
    static void writeNewImages(DynamoDbClient dynamo, String table, String event) {
        try {
            for (JsonNode record : JSON.readTree(event).path("Records")) {
                JsonNode image = record.path("dynamodb").path("NewImage");
                if (image.isObject()) {
                    dynamo.putItem(request -> request.tableName(table).item(item(image)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> item(JsonNode image) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        image.fields().forEachRemaining(field -> item.put(field.getKey(), value(field.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode typed) {
        Map.Entry<String, JsonNode> only = typed.fields().next();
        JsonNode value = only.getValue();
        return switch (only.getKey()) {
            case "S" -> AttributeValue.fromS(value.asText());
            case "N" -> AttributeValue.fromN(value.asText());
            case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            case "SS" -> AttributeValue.fromSs(texts(value));
            case "NS" -> AttributeValue.fromNs(texts(value));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                value.forEach(element -> list.add(value(element)));
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(item(value));
            default -> throw new IllegalArgumentException("no attribute type " + only.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
