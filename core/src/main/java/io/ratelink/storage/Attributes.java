package io.ratelink.storage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing single DynamoDB attribute values and expression names, for every item mapper. */
public final class Attributes {

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#[A-Za-z]+");

    private Attributes() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue millis(Instant at) {
        return n(at.toEpochMilli());
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalArgumentException("the item has no text attribute '" + name + "'");
        }
        return value.s();
    }

    public static Optional<String> optionalText(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalArgumentException("the item has no number attribute '" + name + "'");
        }
        return Long.parseLong(value.n());
    }

    /** The whole number a number attribute holds. */
    public static long number(AttributeValue value) {
        return Long.parseLong(value.n());
    }

    /** The instant a number attribute holds in epoch milliseconds. */
    public static Instant instant(AttributeValue value) {
        return Instant.ofEpochMilli(number(value));
    }

    public static Optional<Long> optionalNumber(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::n).map(Long::parseLong);
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.ofEpochMilli(number(item, name));
    }

    public static Optional<Instant> optionalInstant(Map<String, AttributeValue> item, String name) {
        return optionalNumber(item, name).map(Instant::ofEpochMilli);
    }

    /**
     * The expression attribute names {@code #name -> name} that expressions use; {@code null} expressions are
     * skipped. Every attribute is written as {@code #name}, so reserved words ({@code status}, {@code comment}) never
     * bite.
     */
    public static Map<String, String> namesIn(String... expressions) {
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
