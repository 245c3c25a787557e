package io.ratelink.http.web;

import io.ratelink.click.ClickPages;
import io.ratelink.click.LinkAnswer;
import io.ratelink.click.RatingLink;
import io.ratelink.failure.ErrorIds;
import io.ratelink.failure.Outages;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * Failures nobody planned for, never answered with a stack trace. An outage ({@link Outages}) is a {@code 503}: nothing
 * was changed, try again. Anything else is a bug, a {@code 500} logged with an error id that the answer shows, so a
 * report can be matched to its log line. Rating links get a page ({@link RatingLink#failed}), the API JSON. The log
 * names the failure but not the path, which would carry the token.
 */
public class UnexpectedErrors {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class);
    private static final String RATING_LINK = "/r/";

    private final RatingLink link;

    public UnexpectedErrors(RatingLink link) {
        this.link = link;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, UriInfo uri) {
        String path = uri.getPath();
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return rejected(web.getResponse().getStatus(), path);
        }
        if (path.startsWith(RATING_LINK)) {
            return page(link.failed(token(path), failure));
        }
        if (Outages.isOutage(failure)) {
            LOG.warnf("A service was unavailable answering a %s request: %s", area(path), Outages.summary(failure));
            return ApiErrors.error(Response.Status.SERVICE_UNAVAILABLE, "the request failed and nothing was changed; try again");
        }
        String errorId = ErrorIds.next();
        LOG.errorf(failure, "Unexpected failure %s answering a %s request", errorId, area(path));
        return ApiErrors.json(Response.Status.INTERNAL_SERVER_ERROR, Map.of(
                "error", "the request failed on our side; quote the errorId when you report it", "errorId", errorId));
    }

    private static Response rejected(int status, String path) {
        if (path.startsWith(RATING_LINK)) {
            return page(ClickPages.invalidLink());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? ApiErrors.error(Response.Status.BAD_REQUEST, "bad request")
                : ApiErrors.error(known, known.getReasonPhrase());
    }

    private static Response page(LinkAnswer answer) {
        return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
    }

    private static String token(String path) {
        String rest = path.substring(RATING_LINK.length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }

    private static String area(String path) {
        return path.replaceAll("/[^/]{24,}", "/…");
    }
}
