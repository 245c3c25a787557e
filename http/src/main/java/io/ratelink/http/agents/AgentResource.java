package io.ratelink.http.agents;

import io.ratelink.escalate.Agent;
import io.ratelink.escalate.store.ManagerDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

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
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("errors", List.of("a JSON body is required"))).build();
        }
        List<String> problems = Agent.problems(agentId, body.name(), body.email(), body.managerEmail(), body.locale());
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("errors", problems)).build();
        }
        Agent saved = directory.save(Agent.of(agentId, body.name(), body.email(), body.managerEmail(), body.locale()));
        return Response.ok(AgentBody.of(saved)).build();
    }

    @GET
    public Response get(@PathParam("id") String agentId) {
        return directory.find(agentId)
                .map(agent -> Response.ok(AgentBody.of(agent)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Map.of("error", "no agent " + agentId + " is on file")).build());
    }
}
