package io.ratelink.http.survey;

import io.ratelink.http.web.ApiErrors;
import io.ratelink.survey.MintedSurvey;
import io.ratelink.survey.SurveyRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code POST /v1/surveys}: a support tool asks for a signed rating widget for one ticket. */
@Path("/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final SurveyMinter minter;

    public SurveyResource(SurveyMinter minter) {
        this.minter = minter;
    }

    @POST
    public Response mint(SurveyRequest request) {
        if (request == null) {
            return ApiErrors.bodyRequired();
        }
        List<String> problems = minter.problems(request);
        if (!problems.isEmpty()) {
            return ApiErrors.badRequest(problems);
        }
        MintedSurvey survey = minter.mint(request);
        return Response.status(Response.Status.CREATED).entity(survey).build();
    }
}
