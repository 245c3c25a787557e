package io.ratelink.http.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer, pages above all: no referrer (a rating link must not leak to the next site), a strict Content-Security-Policy
 * (no script at all), no framing, no sniffing, and no caching (pages record answers, the API serves live data).
 */
public class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-src 'self'; frame-ancestors 'none'";
    /** The demo shows the example email in a frame of its own page. */
    static final String FRAMEABLE_PATH = "/demo/email";

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Referrer-Policy", "no-referrer");
        boolean frameable = request.getUriInfo().getPath().equals(FRAMEABLE_PATH);
        headers.putSingle("Content-Security-Policy", frameable
                ? CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
                : CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", frameable ? "SAMEORIGIN" : "DENY");
        headers.putSingle("Cache-Control", "no-store");
    }
}
