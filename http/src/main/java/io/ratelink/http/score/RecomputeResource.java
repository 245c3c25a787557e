package io.ratelink.http.score;

import io.ratelink.recompute.RecomputeMode;
import io.ratelink.score.store.ScoreStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code POST /v1/recompute} ({@code ?full=true}: a full rebuild) hands a run to the recompute function, as the
 * schedule does in AWS, and answers {@code 202} at once with where its outcome shows: {@code GET /v1/recompute}.
 * {@code 409} while a run holds the lease. The lease is read here, before the hand-over; a run that starts in between
 * is found by the handed-over run, which then does nothing.
 */
@Path("/v1/recompute")
@Produces(MediaType.APPLICATION_JSON)
public class RecomputeResource {

    private final RecomputeLauncher launcher;
    private final ScoreStore scores;
    private final Clock clock;

    public RecomputeResource(RecomputeLauncher launcher, ScoreStore scores, Clock clock) {
        this.launcher = launcher;
        this.scores = scores;
        this.clock = clock;
    }

    @POST
    public Response start(@QueryParam("full") boolean full) {
        RecomputeMode mode = full ? RecomputeMode.FULL : RecomputeMode.INCREMENTAL;
        RecomputeStatus now = RecomputeStatus.of(scores.lease().state(), clock.instant());
        if (now.running()) {
            return Response.status(Response.Status.CONFLICT).entity(RecomputeRequested.busy(mode, now.runningUntil())).build();
        }
        String runId = UUID.randomUUID().toString();
        launcher.launch(mode, runId);
        return Response.accepted(RecomputeRequested.started(mode, runId))
                .location(URI.create(RecomputeRequested.STATUS_PATH)).build();
    }

    @GET
    public RecomputeStatus status() {
        return RecomputeStatus.of(scores.lease().state(), clock.instant());
    }
}
