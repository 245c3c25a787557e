package io.ratelink.rating;

/** Whether a rating counts. Stored on the item, so the stream filter and the recompute can select by it. */
public enum RatingStatus {
    /** A person's answer: counted in the scores, escalated when low. */
    COUNTED,
    /** Held: the clicks look like a mail scanner's; counts nowhere until a person confirms. */
    SUSPECT;

    public String attributeValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RatingStatus fromAttribute(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
