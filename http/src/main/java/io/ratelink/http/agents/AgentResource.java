package io.ratelink.http.agents;

import io.ratelink.escalate.Agent;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.http.web.ApiErrors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code PUT/GET /v1/agents/{id}}: who an agent is and whose inbox their low ratings go to. */
@Path("/v1/agents/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final ManagerDirectory directory;

    public AgentResource(ManagerDirectory directory) {
        this.directory = directory;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String agentId, AgentBody body) {
        if (body == null) {
            return ApiErrors.bodyRequired();
        }
        List<String> problems = body.problems(agentId);
        if (!problems.isEmpty()) {
            return ApiErrors.badRequest(problems);
        }
        return Response.ok(AgentBody.of(directory.save(body.toAgent(agentId)))).build();
    }

    @GET
    public Response get(@PathParam("id") String agentId) {
        if (!Agent.isValidId(agentId)) {
            return ApiErrors.badRequest(Agent.ID_PROBLEM);
        }
        return directory.find(agentId)
                .map(agent -> Response.ok(AgentBody.of(agent)).build())
                .orElseGet(() -> ApiErrors.error(Response.Status.NOT_FOUND, "no agent " + agentId + " is on file"));
    }
}
