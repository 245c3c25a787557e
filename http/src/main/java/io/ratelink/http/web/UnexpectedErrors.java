package io.ratelink.http.web;

import io.ratelink.http.capture.ClickPages;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * Failures nobody planned for: a page (rating links) or JSON (the API) that claims nothing was saved, never a
 * stack trace. The log line names the failure but not the path, which would carry the token.
 */
public class UnexpectedErrors {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class);

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, UriInfo uri) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return rejected(web.getResponse().getStatus(), uri);
        }
        LOG.errorf(failure, "Unexpected failure answering a %s request", area(uri));
        if (uri.getPath().startsWith("/r/")) {
            return ClickPages.unavailable();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "the request failed and nothing was changed; try again")).build();
    }

    private static Response rejected(int status, UriInfo uri) {
        if (uri.getPath().startsWith("/r/")) {
            return ClickPages.invalidLink();
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", Response.Status.fromStatusCode(status) == null ? "bad request"
                        : Response.Status.fromStatusCode(status).getReasonPhrase())).build();
    }

    private static String area(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/r/") ? "rating link" : path.replaceAll("/[^/]{24,}", "/…");
    }
}
