package io.ratelink.http.dashboard.access;

import io.ratelink.http.web.ApiErrors;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A dashboard form is posted from the dashboard's own pages only. The session cookie's {@code SameSite=Lax} already
 * keeps another site from posting with it; this also refuses the posts that need no cookie to do harm: signing a
 * person in with someone else's link (login cross-site request forgery), or signing them out. A browser says where a
 * post comes from ({@code Sec-Fetch-Site}, else {@code Origin}); a post that says neither, as a script or a test
 * client sends, passes.
 */
public class CrossSiteForms {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSitePosts(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !SessionFilter.isDashboard(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        return fromElsewhere(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                request.getHeaderString(HttpHeaders.HOST))
                ? Optional.of(ApiErrors.error(Response.Status.FORBIDDEN,
                        "a dashboard form can only be sent from the dashboard's own pages"))
                : Optional.empty();
    }

    static boolean fromElsewhere(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin.strip());
            String authority = from.getPort() == -1 ? from.getHost() : from.getHost() + ":" + from.getPort();
            return host == null || from.getHost() == null
                    || !authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }
}
