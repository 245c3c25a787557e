package io.ratelink.click;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers of every answer, pages above all: no referrer (a rating link must not leak to the next site), a strict
 * Content-Security-Policy (no script at all), no framing, no sniffing, and no caching (pages record answers, the API
 * serves live data).
 */
public final class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-src 'self'; frame-ancestors 'none'";

    private static final Map<String, String> NOT_FRAMEABLE = headers(false);
    private static final Map<String, String> FRAMEABLE = headers(true);

    private PageHeaders() {
    }

    /** @param frameable whether the page may be shown in a frame of a page of the same origin (the demo's email) */
    public static Map<String, String> of(boolean frameable) {
        return frameable ? FRAMEABLE : NOT_FRAMEABLE;
    }

    private static Map<String, String> headers(boolean frameable) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", frameable
                ? CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
                : CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", frameable ? "SAMEORIGIN" : "DENY");
        headers.put("Cache-Control", "no-store");
        return Map.copyOf(headers);
    }
}
