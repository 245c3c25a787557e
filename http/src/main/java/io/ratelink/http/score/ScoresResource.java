package io.ratelink.http.score;

import io.ratelink.http.web.ApiErrors;
import io.ratelink.score.store.ScoreBoard;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code GET /v1/scores?dimension=org|team:ID|agent:ID&scale=&window=7d|30d|90d|all}: the scores the recompute
 * keeps. With a scale, that scale's window; without, every scale the dimension has answers on, and the customer
 * happiness index with its weights. {@code dimension} defaults to {@code org}, {@code window} to {@code 30d}.
 */
@Path("/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    private final ScoreBoard board;

    public ScoresResource(ScoreBoard board) {
        this.board = board;
    }

    @GET
    public Response scores(@BeanParam ScoresQuery query) {
        List<String> problems = query.problems();
        if (!problems.isEmpty()) {
            return ApiErrors.badRequest(problems);
        }
        return query.scale()
                .map(scale -> Response.ok(board.score(query.dimension(), scale, query.window())).build())
                .orElseGet(() -> Response.ok(board.scores(query.dimension(), query.window())).build());
    }
}
