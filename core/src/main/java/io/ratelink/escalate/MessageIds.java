package io.ratelink.escalate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Message-IDs that are the same every time for the same escalation, so that a follow-up can name its escalation in
 * {@code In-Reply-To} before or after it was sent, and a mail sent twice after a crash is still one message to the
 * reader's client. Made of a digest of the escalation id and a configured domain only: nothing a customer typed or
 * chose reaches a header.
 */
public final class MessageIds {

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final String NO_DOMAIN = "ratelink.invalid";

    private final String domain;

    /** @param domain the part after the {@code @}; a domain that is not a plain host name is replaced by {@value #NO_DOMAIN} */
    public MessageIds(String domain) {
        String candidate = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        this.domain = DOMAIN.matcher(candidate).matches() && candidate.length() <= 253 ? candidate : NO_DOMAIN;
    }

    /** The domain of an address such as {@code Ratelink <ratings@example.com>}, or the empty string. */
    public static String domainOf(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).replaceAll("[>\\s]+$", "");
    }

    /** {@code <digest.kind@domain>}, angle brackets included, as the header carries it. */
    public String of(EscalationId id) {
        return "<" + digest(id.format()) + "." + id.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "@" + domain + ">";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("ratelink escalation " + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
