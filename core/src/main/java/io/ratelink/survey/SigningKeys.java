package io.ratelink.survey;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return of(activeKid, secrets, "ratelink.signing");
    }

    /**
     * Keys configured under another prefix than the rating links' (the dashboard's, for one), named in the errors.
     *
     * @param prefix the configuration prefix of {@code active-kid} and {@code keys.<kid>}, e.g. {@code ratelink.signing}
     */
    public static SigningKeys of(String activeKid, Map<String, String> secrets, String prefix) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException(
                    "No signing key is configured: set " + prefix + ".keys.<kid> to a secret of at least " + MIN_SECRET_BYTES + " bytes");
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        secrets.forEach((kid, secret) -> {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("Signing key " + prefix + ".keys." + kid + " is " + key.length
                        + " bytes long; HS256 needs at least " + MIN_SECRET_BYTES);
            }
            bytes.put(kid, key);
        });
        if (!bytes.containsKey(activeKid)) {
            throw new IllegalArgumentException(prefix + ".active-kid is '" + activeKid
                    + "' but " + prefix + ".keys has only " + bytes.keySet());
        }
        return new SigningKeys(activeKid, Map.copyOf(bytes));
    }

    public String activeKid() {
        return activeKid;
    }

    /** The active key's secret, for a signer of another kind of token than rating links. */
    public byte[] activeSecret() {
        return secrets.get(activeKid);
    }

    /** Every configured key id, the active one among them. */
    public Set<String> kids() {
        return secrets.keySet();
    }

    /** The secret of a key id, if it is configured. */
    public Optional<byte[]> secret(String kid) {
        return Optional.ofNullable(kid).map(secrets::get);
    }
}
