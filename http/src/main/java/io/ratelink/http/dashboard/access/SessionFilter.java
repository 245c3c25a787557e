package io.ratelink.http.dashboard.access;

import io.ratelink.dashboard.access.SignIn;
import io.ratelink.dashboard.access.SignIn.SessionCheck;
import io.ratelink.config.RatelinkConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every dashboard page but the sign-in routes needs a session: a valid cookie fills {@link SignedIn} with who is
 * looking, as they may see now; without one, the answer is {@code 303} to the sign-in form, which brings the person
 * back to the page they asked for. A tampered or expired cookie is cleared on the way. An API key opens no page, and
 * the cookie opens nothing outside {@code /dashboard} (the browser sends it nowhere else).
 */
public class SessionFilter {

    static final String DASHBOARD = "/dashboard";

    private final SignIn signIn;
    private final SignedIn signedIn;
    private final SessionCookies cookies;

    public SessionFilter(SignIn signIn, SignedIn signedIn, RatelinkConfig config) {
        this.signIn = signIn;
        this.signedIn = signedIn;
        this.cookies = new SessionCookies(config.dashboard().secureCookie(), config.dashboard().sessionLifetime());
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isGuarded(path)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(SessionCookies.NAME);
        SessionCheck check = signIn.session(cookie == null ? null : cookie.getValue());
        if (check instanceof SessionCheck.SignedIn session) {
            signedIn.as(session.viewer());
            return Optional.empty();
        }
        Response.ResponseBuilder toSignIn = Response.status(Response.Status.SEE_OTHER)
                .header(HttpHeaders.LOCATION, SignInPages.SIGN_IN + "?next=" + URLEncoder.encode(asked(request),
                        StandardCharsets.UTF_8));
        if (check instanceof SessionCheck.Refused) {
            toSignIn.cookie(cookies.cleared());
        }
        return Optional.of(toSignIn.build());
    }

    static boolean isDashboard(String path) {
        return path.equals(DASHBOARD) || path.startsWith(DASHBOARD + "/");
    }

    /** Dashboard paths, except the ways in and out. */
    static boolean isGuarded(String path) {
        boolean dashboard = isDashboard(path);
        boolean signInRoute = path.equals(SignInPages.SIGN_IN) || path.startsWith(SignInPages.SIGN_IN + "/")
                || path.equals(DASHBOARD + "/sign-out");
        return dashboard && !signInRoute;
    }

    private static String asked(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery();
        return uri.getRawPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
