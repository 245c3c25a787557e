package io.ratelink.rating;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the guard may know about a request on a rating link, as the HTTP edge hands it over.
 *
 * @param method        {@code GET} (a click in the email), {@code POST} (an answer on the page) or {@code HEAD}
 * @param userAgent     the {@code User-Agent} header, when sent
 * @param purposes      the values of the headers that announce a request made ahead of a person
 *                      ({@link #PURPOSE_HEADERS}), as sent
 * @param clientAddress the address the request came from: API Gateway's {@code requestContext.http.sourceIp}, or
 *                      the forwarded address when the function sits behind a trusted proxy
 */
public record ClickRequest(String method, Optional<String> userAgent, List<String> purposes,
        Optional<String> clientAddress) {

    /**
     * Headers by which browsers and mail software say a request is a prefetch, prerender or preview:
     * {@code Sec-Purpose} (the Fetch standard), {@code Purpose} (older Chrome and Safari), {@code X-Purpose} (Safari
     * previews) and {@code X-Moz} (Firefox).
     */
    public static final List<String> PURPOSE_HEADERS = List.of("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz");

    public ClickRequest {
        Objects.requireNonNull(method, "method");
        purposes = List.copyOf(purposes);
    }

    /** A person's click in the email, as a browser sends it: for tests and tools. */
    public static ClickRequest get(String userAgent, String clientAddress) {
        return new ClickRequest("GET", Optional.ofNullable(userAgent), List.of(), Optional.ofNullable(clientAddress));
    }

    /** An answer given on the page: for tests and tools. */
    public static ClickRequest post(String userAgent, String clientAddress) {
        return new ClickRequest("POST", Optional.ofNullable(userAgent), List.of(), Optional.ofNullable(clientAddress));
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    /** A click on a link in the email, as opposed to an answer sent from the page. */
    public boolean isLinkClick() {
        return "GET".equals(method);
    }
}
