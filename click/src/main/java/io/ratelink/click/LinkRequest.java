package io.ratelink.click;

import io.ratelink.rating.ClickRequest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request on a rating link ({@code /r/{token}}), as whatever serves it received it: the capture function from an API
 * Gateway event, the development server from its HTTP request.
 *
 * @param method        the HTTP method, upper case
 * @param token         the path segment after {@code /r/}
 * @param contentType   the {@code Content-Type} header, when sent
 * @param body          the request body's bytes, empty when none
 * @param userAgent     the {@code User-Agent} header, when sent
 * @param purposes      the values of the headers that announce a request made ahead of a person
 *                      ({@link ClickRequest#PURPOSE_HEADERS})
 * @param clientAddress the address the request came from
 */
public record LinkRequest(String method, String token, Optional<String> contentType, byte[] body,
        Optional<String> userAgent, List<String> purposes, Optional<String> clientAddress) {

    public LinkRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(token, "token");
        body = body == null ? new byte[0] : body;
        purposes = List.copyOf(purposes);
    }

    /** What the scanner guard judges the request by. */
    public ClickRequest click() {
        return new ClickRequest(method, userAgent, purposes, clientAddress);
    }
}
