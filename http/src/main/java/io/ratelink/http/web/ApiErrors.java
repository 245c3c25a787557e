package io.ratelink.http.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The admin API's error answers, one shape each: {@code {"errors":[…]}} naming every problem of a request that
 * cannot be served as sent, {@code {"error":"…"}} for one refusal (not found, conflict, no key, unavailable). The
 * JSON is written here, so that it is sent whatever the failed call produces (the ratings CSV, a page).
 */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiErrors() {
    }

    /** {@code 400 {"errors":[…]}}: what the caller has to change, one sentence per problem. */
    public static Response badRequest(List<String> problems) {
        return json(Response.Status.BAD_REQUEST, Map.of("errors", List.copyOf(problems)));
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
        return json(status, Map.of("error", message));
    }

    /** Any JSON answer of an error: {@code body} holds strings and lists of them. */
    public static Response json(Response.Status status, Map<String, ?> body) {
        try {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written as JSON", e);
        }
    }
}
