package io.ratelink.http.web;

import io.ratelink.click.PageHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every answer carries {@link PageHeaders}; only the demo's email may be framed, by the demo page. */
public class PageHeadersFilter {

    /** The demo shows the example email in a frame of its own page. */
    static final String FRAMEABLE_PATH = "/demo/email";

    @ServerResponseFilter
    public void secure(ContainerRequestContext request, ContainerResponseContext response) {
        var headers = response.getHeaders();
        PageHeaders.of(request.getUriInfo().getPath().equals(FRAMEABLE_PATH))
                .forEach(headers::putSingle);
    }
}
