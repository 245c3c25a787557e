package io.ratelink.http.escalations;

import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.EscalationStore;
import io.ratelink.escalate.Escalator;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/escalations?status=failed} lists the escalations that could not be sent, most recent first;
 * {@code POST /v1/escalations/{id}/retry} sends one of them again, once.
 */
@Path("/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    static final int MAX_PAGE = 200;

    private final EscalationStore store;
    private final Escalator escalator;

    public EscalationResource(EscalationStore store, Escalator escalator) {
        this.store = store;
        this.escalator = escalator;
    }

    @GET
    public Response list(@QueryParam("status") @DefaultValue("failed") String status,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("after") String after) {
        Optional<EscalationStatus> wanted = EscalationStatus.parse(status);
        if (wanted.isEmpty()) {
            return badRequest("status must be one of failed, sending, sent");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            return badRequest("limit must be between 1 and " + MAX_PAGE);
        }
        EscalationStore.Page page;
        try {
            page = store.list(wanted.get(), limit, Optional.ofNullable(after).filter(text -> !text.isBlank()));
        } catch (IllegalArgumentException notACursor) {
            return badRequest("after must be the 'next' of a previous page");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", wanted.get().attributeValue());
        body.put("escalations", page.escalations().stream().map(EscalationBody::of).toList());
        page.next().ifPresent(next -> body.put("next", next));
        return Response.ok(body).build();
    }

    /** Sends a failed escalation again: 200 when the SMTP server took it, 502 when it failed again (and stays listed). */
    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") String id) {
        Optional<EscalationId> escalation = EscalationId.parse(id);
        if (escalation.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", "no escalation has the id " + id)).build();
        }
        Escalator.Outcome outcome = escalator.replay(escalation.get());
        if (outcome instanceof Escalator.Outcome.Sent sent) {
            return Response.ok(EscalationBody.of(sent.escalation())).build();
        }
        if (outcome instanceof Escalator.Outcome.Failed failed) {
            return Response.status(Response.Status.BAD_GATEWAY).entity(EscalationBody.of(failed.escalation())).build();
        }
        if (outcome instanceof Escalator.Outcome.AlreadyHandled handled) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of(
                    "error", "only a failed escalation (or one whose sender died) can be retried; this one is "
                            + handled.existing().status().attributeValue(),
                    "escalation", EscalationBody.of(handled.existing()))).build();
        }
        return Response.status(Response.Status.NOT_FOUND).entity(Map.of("error", "no escalation has the id " + id)).build();
    }

    private static Response badRequest(String problem) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("errors", List.of(problem))).build();
    }
}
