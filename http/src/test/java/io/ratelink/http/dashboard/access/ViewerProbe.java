package io.ratelink.http.dashboard.access;

import io.ratelink.dashboard.access.Viewer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.TreeSet;

/** A dashboard path for the tests: who the session filter says is looking. Test code only. */
@Path("/dashboard/test/viewer")
public class ViewerProbe {

    private final SignedIn signedIn;

    public ViewerProbe(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> viewer() {
        Viewer viewer = signedIn.viewer().orElseThrow();
        return Map.of("email", viewer.email(), "admin", viewer.admin(), "teams", new TreeSet<>(viewer.teams()));
    }
}
