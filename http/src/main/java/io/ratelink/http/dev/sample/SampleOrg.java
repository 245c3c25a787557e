package io.ratelink.http.dev.sample;

import io.ratelink.escalate.Agent;
import io.ratelink.survey.Scale;

import java.util.List;
import java.util.Map;

/**
 * The made-up support organisation the sample data is about: three teams of eight agents, each team with its manager,
 * the scales it asks and the languages its customers write in, and each agent with how well they do.
 */
public record SampleOrg(List<Team> teams) {

    /**
     * One team.
     *
     * @param scales    the scales its surveys ask, with their weights
     * @param languages the languages of its customers, with their weights
     */
    public record Team(String id, String managerEmail, Map<Scale, Integer> scales, Map<String, Integer> languages,
            List<Member> members) {
    }

    /**
     * One agent of a team.
     *
     * @param quality how satisfied their customers are on average, from 0 (worst answer) to 1 (best)
     * @param trend   how much that changes over the 90 days, oldest to newest, in the same units
     */
    public record Member(String agentId, String name, double quality, double trend) {

        public Agent agent(Team team) {
            return Agent.of(agentId, name, agentId + "@example.com", team.managerEmail(), "en");
        }
    }

    public List<Member> members() {
        return teams.stream().flatMap(team -> team.members().stream()).toList();
    }

    public static SampleOrg standard() {
        return new SampleOrg(List.of(
                new Team("emea", "lead-emea@example.com", Map.of(Scale.CSAT_5, 3, Scale.NPS, 1),
                        Map.of("en", 11, "ro", 6, "fa", 3), List.of(
                                new Member("emea-ana", "Ana Popescu", 0.86, 0.02),
                                new Member("emea-mihai", "Mihai Ionescu", 0.78, 0.06),
                                new Member("emea-sara", "Sara Karimi", 0.90, 0.0),
                                new Member("emea-darius", "Darius Rahimi", 0.70, 0.10),
                                new Member("emea-elena", "Elena Dumitru", 0.82, -0.04),
                                new Member("emea-tom", "Tom Becker", 0.62, 0.12),
                                new Member("emea-lucia", "Lucia Romano", 0.88, 0.0),
                                new Member("emea-jonas", "Jonas Berg", 0.75, -0.08))),
                new Team("amer", "lead-amer@example.com", Map.of(Scale.CES_7, 2, Scale.CSAT_5, 1),
                        Map.of("en", 1), List.of(
                                new Member("amer-maria", "Maria Garcia", 0.84, 0.0),
                                new Member("amer-james", "James Miller", 0.72, 0.05),
                                new Member("amer-olivia", "Olivia Brown", 0.91, -0.02),
                                new Member("amer-noah", "Noah Davis", 0.66, 0.14),
                                new Member("amer-emma", "Emma Wilson", 0.80, 0.0),
                                new Member("amer-liam", "Liam Johnson", 0.58, -0.06),
                                new Member("amer-ava", "Ava Martinez", 0.87, 0.03),
                                new Member("amer-ethan", "Ethan Clark", 0.76, 0.0))),
                new Team("apac", "lead-apac@example.com", Map.of(Scale.NPS, 5, Scale.CSAT_3, 4),
                        Map.of("zh", 3, "en", 2), List.of(
                                new Member("apac-wei", "Wang Wei", 0.83, 0.04),
                                new Member("apac-li", "Li Na", 0.89, 0.0),
                                new Member("apac-chen", "Chen Jie", 0.71, 0.08),
                                new Member("apac-zhang", "Zhang Min", 0.79, -0.05),
                                new Member("apac-liu", "Liu Yang", 0.64, 0.0),
                                new Member("apac-hiro", "Hiroshi Sato", 0.85, 0.02),
                                new Member("apac-priya", "Priya Nair", 0.92, 0.0),
                                new Member("apac-arjun", "Arjun Mehta", 0.74, -0.1)))));
    }
}
