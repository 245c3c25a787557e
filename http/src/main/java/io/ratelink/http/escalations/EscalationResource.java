package io.ratelink.http.escalations;

import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.http.web.ApiErrors;
import io.ratelink.http.web.Params;
import io.ratelink.survey.SurveyIds;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/escalations?status=failed} lists escalations by status, most recent first;
 * {@code GET /v1/escalations/{id}} shows one; {@code POST /v1/escalations/{id}/retry} hands one that failed, was
 * held back or has an unknown outcome to the escalate function, to be sent again once.
 */
@Path("/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {

    static final int MAX_PAGE = 200;
    /** Longer than any {@code next} this API writes. */
    static final int MAX_CURSOR_LENGTH = 256;
    private static final String STATUSES = Arrays.stream(EscalationStatus.values())
            .map(EscalationStatus::attributeValue).collect(Collectors.joining(", "));

    private final EscalationStore store;
    private final EscalationRetry retry;

    public EscalationResource(EscalationStore store, EscalationRetry retry) {
        this.store = store;
        this.retry = retry;
    }

    @GET
    public Response list(@QueryParam("status") @DefaultValue("failed") String status,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("after") String after) {
        List<String> problems = new ArrayList<>();
        Optional<EscalationStatus> wanted = EscalationStatus.parse(status);
        if (wanted.isEmpty()) {
            problems.add("status must be one of " + STATUSES);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            problems.add("limit must be between 1 and " + MAX_PAGE);
        }
        Optional<String> cursor = Params.cursor("after", after, MAX_CURSOR_LENGTH, problems);
        if (!problems.isEmpty()) {
            return ApiErrors.badRequest(problems);
        }
        EscalationStore.Page page;
        try {
            page = store.list(wanted.get(), limit, cursor);
        } catch (IllegalArgumentException notACursor) {
            return ApiErrors.badRequest("after must be the 'next' of a previous page");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", wanted.get().attributeValue());
        body.put("escalations", page.escalations().stream().map(EscalationBody::of).toList());
        page.next().ifPresent(next -> body.put("next", next));
        return Response.ok(body).build();
    }

    @GET
    @Path("/{id}")
    public Response show(@PathParam("id") String id) {
        Optional<EscalationId> parsed = parse(id);
        if (parsed.isEmpty()) {
            return malformed();
        }
        return store.find(parsed.get()).map(escalation -> Response.ok(EscalationBody.of(escalation)).build())
                .orElseGet(() -> notFound(id));
    }

    /**
     * Hands the escalation to the escalate function to be sent again: {@code 202} with where to read the outcome,
     * {@code 409} unless it failed, was held back or has an unknown outcome, {@code 404} for an unknown id.
     */
    @POST
    @Path("/{id}/retry")
    public Response retry(@PathParam("id") String id) {
        Optional<EscalationId> parsed = parse(id);
        if (parsed.isEmpty()) {
            return malformed();
        }
        EscalationRetry.Result result = retry.retry(parsed.get());
        if (result.outcome() == EscalationRetry.Outcome.NOT_FOUND) {
            return notFound(id);
        }
        Escalation escalation = result.escalation().orElseThrow();
        if (result.outcome() == EscalationRetry.Outcome.NOT_REPLAYABLE) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of(
                    "error", "only a failed, held or unknown escalation can be retried; this one is "
                            + escalation.status().attributeValue(),
                    "escalation", EscalationBody.of(escalation))).build();
        }
        URI outcome = URI.create("/v1/escalations/" + escalation.id().format());
        return Response.accepted(Map.of(
                        "escalation", EscalationBody.of(escalation),
                        "outcome", outcome.toString(),
                        "message", "the escalation will be sent again within seconds; its status at " + outcome
                                + " says how it went"))
                .location(outcome).build();
    }

    /** An escalation id as this API writes them; checked before the database, which would refuse an oversized key. */
    private static Optional<EscalationId> parse(String id) {
        return EscalationId.parse(id).filter(parsed -> SurveyIds.isWellFormed(parsed.surveyId()));
    }

    private static Response malformed() {
        return ApiErrors.badRequest("the id must be an escalation's id as this API lists them, such as "
                + "yGq2ke3ydERL-HZtHda5hA.e000000000000");
    }

    private static Response notFound(String id) {
        return ApiErrors.error(Response.Status.NOT_FOUND, "no escalation has the id " + id);
    }
}
