package io.ratelink.escalate;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing single attribute values, for the item mappers of this package. */
final class Attributes {

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#[A-Za-z]+");

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue millis(Instant at) {
        return n(at.toEpochMilli());
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("the item has no text attribute '" + name + "'");
        }
        return value.s();
    }

    static Optional<String> optionalText(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("the item has no number attribute '" + name + "'");
        }
        return Long.parseLong(value.n());
    }

    static Optional<Long> optionalNumber(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::n).map(Long::parseLong);
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.ofEpochMilli(number(item, name));
    }

    static Optional<Instant> optionalInstant(Map<String, AttributeValue> item, String name) {
        return optionalNumber(item, name).map(Instant::ofEpochMilli);
    }

    /** {@code #name -> name} for every placeholder in the expressions: reserved words ({@code status}) never bite. */
    static Map<String, String> namesIn(String... expressions) {
        Map<String, String> names = new HashMap<>();
        for (String expression : expressions) {
            if (expression == null) {
                continue;
            }
            Matcher placeholder = NAME_PLACEHOLDER.matcher(expression);
            while (placeholder.find()) {
                names.put(placeholder.group(), placeholder.group().substring(1));
            }
        }
        return names;
    }
}
