package io.ratelink.http.score;

import io.ratelink.http.web.Params;
import io.ratelink.score.Dimension;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The query parameters of {@code GET /v1/scores}, as sent. {@link #problems} names what is wrong with them; once
 * there is nothing, {@link #dimension}, {@link #window} and {@link #scale} read them.
 */
public class ScoresQuery {

    @QueryParam("dimension")
    @DefaultValue("org")
    public String dimension;

    @QueryParam("scale")
    public String scale;

    @QueryParam("window")
    @DefaultValue("30d")
    public String window;

    /** What is wrong with the query, one sentence per problem; empty when it can be answered. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Optional<Dimension> parsed = Dimension.parse(dimension);
        if (parsed.isEmpty()) {
            problems.add("dimension must be org, team:ID or agent:ID");
        } else if (parsed.get().kind() != Dimension.Kind.ORG && !SurveyClaims.isValidId(parsed.get().id())) {
            problems.add(Params.idProblem("the dimension's ID"));
        }
        if (Window.parse(window).isEmpty()) {
            problems.add("window must be one of " + Arrays.stream(Window.values()).map(Window::label).toList());
        }
        Params.scale(scale, problems);
        return problems;
    }

    public Dimension dimension() {
        return Dimension.parse(dimension).orElseThrow();
    }

    public Window window() {
        return Window.parse(window).orElseThrow();
    }

    /** The one scale asked for; empty for every scale. */
    public Optional<Scale> scale() {
        return Params.scale(scale, new ArrayList<>());
    }
}
