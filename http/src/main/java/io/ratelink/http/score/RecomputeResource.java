package io.ratelink.http.score;

import io.ratelink.recompute.Recompute;
import io.ratelink.recompute.RecomputeMode;
import io.ratelink.recompute.RecomputeReport;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /v1/recompute}: runs the incremental recompute now ({@code ?full=true}: a full rebuild), as the
 * schedule does in AWS. 200 with what it did; 409 when another run holds the lease.
 */
@Path("/v1/recompute")
@Produces(MediaType.APPLICATION_JSON)
public class RecomputeResource {

    private final Recompute recompute;

    public RecomputeResource(Recompute recompute) {
        this.recompute = recompute;
    }

    @POST
    public Response run(@QueryParam("full") boolean full) {
        RecomputeReport report = recompute.run(full ? RecomputeMode.FULL : RecomputeMode.INCREMENTAL);
        Response.Status status = report.outcome() == RecomputeReport.Outcome.BUSY
                ? Response.Status.CONFLICT : Response.Status.OK;
        return Response.status(status).entity(report).build();
    }
}
