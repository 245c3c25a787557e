package io.ratelink.survey;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HMAC keys links are signed with, by key id. New links use the active key; every key listed keeps
 * verifying, so a key is rotated by adding the new one, making it active, and removing the old one once
 * its links have expired.
 */
public final class SigningKeys {

    /** HS256 needs at least 256 bits of key. */
    public static final int MIN_SECRET_BYTES = 32;

    private final String activeKid;
    private final Map<String, byte[]> secrets;

    private SigningKeys(String activeKid, Map<String, byte[]> secrets) {
        this.activeKid = activeKid;
        this.secrets = secrets;
    }

    /**
     * @param activeKid the key id that signs new links
     * @param secrets   key id to secret (its UTF-8 bytes are the HMAC key)
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static SigningKeys of(String activeKid, Map<String, String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "No signing key is configured: set ratelink.signing.keys.<kid> to a secret of at least " + MIN_SECRET_BYTES + " bytes");
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        secrets.forEach((kid, secret) -> {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("Signing key ratelink.signing.keys." + kid + " is " + key.length
                        + " bytes long; HS256 needs at least " + MIN_SECRET_BYTES);
            }
            bytes.put(kid, key);
        });
        if (!bytes.containsKey(activeKid)) {
            throw new IllegalArgumentException("ratelink.signing.active-kid is '" + activeKid
                    + "' but ratelink.signing.keys has only " + bytes.keySet());
        }
        return new SigningKeys(activeKid, Map.copyOf(bytes));
    }

    public String activeKid() {
        return activeKid;
    }

    byte[] activeSecret() {
        return secrets.get(activeKid);
    }

    Optional<byte[]> secret(String kid) {
        return Optional.ofNullable(kid).map(secrets::get);
    }
}
