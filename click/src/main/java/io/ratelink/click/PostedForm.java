package io.ratelink.click;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A form as the rating page posts it ({@code application/x-www-form-urlencoded}), read strictly: a field whose bytes
 * are not text in the form's charset (UTF-8, as browsers send the page's form, unless the request names another), or
 * that holds a NUL, is not text a person typed into the page, and is marked unreadable rather than turned into
 * replacement characters. The first of repeated fields counts.
 */
final class PostedForm {

    private final Map<String, Field> fields;

    private PostedForm(Map<String, Field> fields) {
        this.fields = fields;
    }

    /** One field's value: as far as it could be read, and whether all of it could. */
    record Field(String text, boolean readable) {
    }

    static PostedForm read(byte[] body) {
        return read(body, StandardCharsets.UTF_8);
    }

    static PostedForm read(byte[] body, Charset charset) {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (body == null || body.length == 0) {
            return new PostedForm(fields);
        }
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            Field name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            Field value = decode(equals < 0 ? "" : pair.substring(equals + 1), charset);
            fields.putIfAbsent(name.text(), value);
        }
        return new PostedForm(fields);
    }

    Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field's text, null when it was not sent (as a missing {@code @FormParam}). */
    String text(String name) {
        return field(name).map(Field::text).orElse(null);
    }

    boolean isReadable(String name) {
        return field(name).map(Field::readable).orElse(true);
    }

    /** Percent-decodes (with {@code +} for a space) the ISO-8859-1 view of the body's bytes, then reads the charset. */
    private static Field decode(String encoded, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        boolean wellFormed = true;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else {
                wellFormed &= c != '%';
                bytes.write(c);
            }
        }
        byte[] raw = bytes.toByteArray();
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            return new Field(text, wellFormed && text.indexOf('\0') < 0);
        } catch (CharacterCodingException garbled) {
            return new Field(new String(raw, charset), false);
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
