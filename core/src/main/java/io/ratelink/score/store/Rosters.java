package io.ratelink.score.store;

import io.ratelink.score.Dimension;
import io.ratelink.score.TeamMember;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.ratelink.score.store.ScoreItem.*;
import static io.ratelink.storage.Attributes.s;

/**
 * Which agents have answered for which team, as the recompute found them in the ratings it counted: what lets a
 * team's page list its agents and a manager's view reach the teams of the agents who report to them. An agent who
 * moved keeps both teams; writing a pair again changes nothing.
 */
public class Rosters {

    private final ScoreTable scores;

    Rosters(ScoreTable scores) {
        this.scores = scores;
    }

    /** The agents seen in one team, in order of their ids. */
    public Set<String> agentsOf(String teamId) {
        Set<String> agents = new TreeSet<>();
        members(Dimension.team(teamId)).forEach(member -> agents.add(member.agentId()));
        return agents;
    }

    /** The teams any of the given agents has been seen in, in order of their ids. */
    public Set<String> teamsOf(Collection<String> agentIds) {
        Set<String> teams = new TreeSet<>();
        for (String agentId : new LinkedHashSet<>(agentIds)) {
            members(Dimension.agent(agentId)).forEach(member -> teams.add(member.teamId()));
        }
        return teams;
    }

    public void record(Collection<TeamMember> members) {
        List<WriteRequest> writes = new LinkedHashSet<>(members).stream()
                .flatMap(member -> ScoreItem.rosterItems(member).stream())
                .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList();
        scores.batchWrite(ScoreOperation.WRITE_ROSTER, writes, "writing rosters");
    }

    private Iterable<TeamMember> members(Dimension dimension) {
        QueryRequest query = QueryRequest.builder()
                .tableName(scores.table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(rosterPartition(dimension))))
                .overrideConfiguration(ScoreOperation.READ_ROSTER.tag())
                .build();
        return scores.dynamo.queryPaginator(query).items().stream().map(ScoreItem::teamMember).toList();
    }
}
