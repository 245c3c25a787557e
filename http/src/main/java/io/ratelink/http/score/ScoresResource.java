package io.ratelink.http.score;

import io.ratelink.score.store.ScoreBoard;
import io.ratelink.score.Dimension;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public Response scores(@QueryParam("dimension") @DefaultValue("org") String dimension,
                           @QueryParam("scale") String scale,
                           @QueryParam("window") @DefaultValue("30d") String window) {
        List<String> problems = new ArrayList<>();
        Optional<Dimension> parsedDimension = Dimension.parse(dimension);
        if (parsedDimension.isEmpty()) {
            problems.add("dimension must be org, team:ID or agent:ID");
        }
        Optional<Window> parsedWindow = Window.parse(window);
        if (parsedWindow.isEmpty()) {
            problems.add("window must be one of " + Arrays.stream(Window.values()).map(Window::label).toList());
        }
        Optional<Scale> parsedScale = scale == null || scale.isBlank() ? Optional.empty() : Scale.parse(scale);
        if (scale != null && !scale.isBlank() && parsedScale.isEmpty()) {
            problems.add("scale must be one of " + List.of(Scale.values()));
        }
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("errors", problems)).build();
        }
        if (parsedScale.isPresent()) {
            return Response.ok(board.score(parsedDimension.get(), parsedScale.get(), parsedWindow.get())).build();
        }
        return Response.ok(board.scores(parsedDimension.get(), parsedWindow.get())).build();
    }
}
