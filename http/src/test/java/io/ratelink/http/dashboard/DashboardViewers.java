package io.ratelink.http.dashboard;

import io.ratelink.dashboard.access.Viewer;
import io.ratelink.http.dashboard.access.SignedIn;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tests only: who is signed in, from the {@code X-Test-Viewer} header — {@code admin:<email>} or
 * {@code manager:<email>:<team>,<team>}. Without the header nobody is. The real sign-in replaces this.
 */
public class DashboardViewers {

    public static final String HEADER = "X-Test-Viewer";

    private final SignedIn signedIn;

    public DashboardViewers(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    public static String admin() {
        return "admin:lead@example.com";
    }

    public static String manager(String... teams) {
        return "manager:mia@example.com:" + String.join(",", teams);
    }

    @ServerRequestFilter
    public void signIn(ContainerRequestContext request) {
        String viewer = request.getHeaderString(HEADER);
        if (viewer == null || !request.getUriInfo().getPath().startsWith("/dashboard")) {
            return;
        }
        String[] parts = viewer.split(":", 3);
        if (parts[0].equals("admin")) {
            signedIn.as(Viewer.admin(parts[1]));
        } else {
            Set<String> teams = parts.length < 3 || parts[2].isEmpty() ? Set.of()
                    : Arrays.stream(parts[2].split(",")).collect(Collectors.toSet());
            signedIn.as(Viewer.manager(parts[1], teams));
        }
    }
}
