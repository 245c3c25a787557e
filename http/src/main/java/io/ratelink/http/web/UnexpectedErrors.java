package io.ratelink.http.web;

import io.ratelink.http.capture.ClickPages;
import io.ratelink.survey.LinkCheck;
import io.ratelink.survey.LinkSigner;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures nobody planned for, never answered with a stack trace. An outage ({@link Outages}) is a {@code 503}: nothing
 * was changed, try again. Anything else is a bug, a {@code 500} logged with an error id that the answer shows, so a
 * report can be matched to its log line. Rating links get a page (in the survey's language when the link is ours),
 * the API JSON. The log names the failure but not the path, which would carry the token.
 */
public class UnexpectedErrors {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class);
    private static final String RATING_LINK = "/r/";

    private final LinkSigner signer;

    public UnexpectedErrors(LinkSigner signer) {
        this.signer = signer;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, UriInfo uri) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return rejected(web.getResponse().getStatus(), uri);
        }
        String path = uri.getPath();
        if (Outages.isOutage(failure)) {
            LOG.warnf("A service was unavailable answering a %s request: %s", area(path), summary(failure));
            return path.startsWith(RATING_LINK) ? ClickPages.unavailable(locale(path))
                    : ApiErrors.error(Response.Status.SERVICE_UNAVAILABLE, "the request failed and nothing was changed; try again");
        }
        String errorId = newErrorId();
        LOG.errorf(failure, "Unexpected failure %s answering a %s request", errorId, area(path));
        if (path.startsWith(RATING_LINK)) {
            return ClickPages.failed(locale(path), errorId);
        }
        return ApiErrors.json(Response.Status.INTERNAL_SERVER_ERROR, Map.of(
                "error", "the request failed on our side; quote the errorId when you report it", "errorId", errorId));
    }

    private static Response rejected(int status, UriInfo uri) {
        if (uri.getPath().startsWith(RATING_LINK)) {
            return ClickPages.invalidLink();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? ApiErrors.error(Response.Status.BAD_REQUEST, "bad request")
                : ApiErrors.error(known, known.getReasonPhrase());
    }

    /** The language of the survey whose link was requested; English for a link that is not ours. */
    private String locale(String path) {
        String rest = path.substring(RATING_LINK.length());
        String token = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        try {
            LinkCheck check = signer.verify(token);
            if (check instanceof LinkCheck.Valid valid) {
                return valid.claims().locale();
            }
            if (check instanceof LinkCheck.Expired expired) {
                return expired.claims().locale();
            }
        } catch (RuntimeException unreadable) {
            LOG.debug("The failed request's link could not be read for its language", unreadable);
        }
        return "en";
    }

    /** Twelve hex digits: enough to find one log line, short enough to read out. */
    static String newErrorId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    }

    private static String summary(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    private static String area(String path) {
        return path.startsWith(RATING_LINK) ? "rating link" : path.replaceAll("/[^/]{24,}", "/…");
    }
}
