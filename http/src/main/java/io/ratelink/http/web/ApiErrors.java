package io.ratelink.http.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The admin API's error answers, one shape each: {@code {"errors":[…]}} naming every problem of a request that
 * cannot be served as sent, {@code {"error":"…"}} for one refusal (not found, conflict, no key, unavailable).
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** {@code 400 {"errors":[…]}}: what the caller has to change, one sentence per problem. */
    public static Response badRequest(List<String> problems) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", List.copyOf(problems))).build();
    }

    public static Response badRequest(String problem) {
        return badRequest(List.of(problem));
    }

    /** The answer to a request whose JSON body is missing. */
    public static Response bodyRequired() {
        return badRequest("a JSON body is required");
    }

    /** {@code {"error":"…"}} with the given status. */
    public static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
