package io.ratelink.http.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.http.dashboard.access.DashboardSession;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.survey.Scale;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's pages against DynamoDB Local: scores written as the recompute leaves them, ratings clicked. */
@QuarkusTest
class DashboardResourceTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Inject
    ScoreStore scores;
    @Inject
    Metrics metrics;
    @Inject
    EscalationStore escalations;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    static Response get(String viewer, String path) {
        var request = given().redirects().follow(false);
        if (viewer != null) {
            request.cookie(DashboardSession.COOKIE, viewer);
        }
        return request.get(path);
    }

    private String team() {
        return "team-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void nobodySignedInIsSentToSignInWithTheWayBack() {
        Response answer = get(null, "/dashboard/feed?window=7d&team=emea");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/dashboard/sign-in?next=%2Fdashboard%2Ffeed%3Fwindow%3D7d%26team%3Demea");
    }

    @Test
    void aTeamsOverviewShowsItsHeadlineWithIntervalTheChangeAndItsAgentsWithLowSamplesLast() {
        String team = team();
        DashboardData data = new DashboardData(scores, metrics, today);
        for (int day = 0; day < 30; day++) {
            data.answers(team, team + "-solid", Scale.CSAT_5, day, Histogram.of(Scale.CSAT_5, 0, 0, 0, 1, 2), false);
            data.answers(team, team + "-solid", Scale.CSAT_5, day + 30, Histogram.of(Scale.CSAT_5, 1, 1, 1, 0, 0), false);
        }
        data.answers(team, team + "-new", Scale.CSAT_5, 1, Histogram.of(Scale.CSAT_5, 0, 0, 0, 0, 3), false);
        data.write();

        String page = get(DashboardViewers.admin(), "/dashboard?team=" + team + "&lang=en").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains("Team " + team).contains("CSAT, 5 stars").contains("95 % interval")
                .contains("Up +").contains("93 answers");
        int solid = page.indexOf(">" + team + "-solid<");
        int fresh = page.indexOf(">" + team + "-new<");
        assertThat(solid).isPositive();
        assertThat(fresh).isGreaterThan(solid);
        assertThat(page).doesNotContain("<script");
        // 60 days with answers in the daily chart, and the 9 weeks they fall in in the weekly one
        assertThat(page.split("<circle class=\"dot\"", -1).length - 1).isEqualTo(60 + 9);
    }

    @Test
    void overlappingIntervalsAreShownAsNoClearChange() {
        String team = team();
        DashboardData data = new DashboardData(scores, metrics, today);
        data.answers(team, team + "-a", Scale.NPS, 2, Histogram.ofAnswers(Scale.NPS, 10, 9, 3), false);
        data.answers(team, team + "-a", Scale.NPS, 9, Histogram.ofAnswers(Scale.NPS, 10, 2, 3), false);
        data.write();

        String page = get(DashboardViewers.admin(), "/dashboard?team=" + team + "&window=7d").then().statusCode(200)
                .extract().asString();

        assertThat(page).contains("No clear change").contains("low sample");
    }

    @Test
    void aManagerSeesTheOrganisationAndTheirTeamButNoOtherTeamAgentRatingOrCsv() {
        String mine = team();
        String other = team();
        DashboardData data = new DashboardData(scores, metrics, today);
        data.answers(mine, mine + "-a", Scale.CSAT_3, 0, Histogram.ofAnswers(Scale.CSAT_3, 3), false);
        data.answers(other, other + "-b", Scale.CSAT_3, 0, Histogram.ofAnswers(Scale.CSAT_3, 1), false);
        data.write();
        String manager = DashboardViewers.manager(scores, mine);
        String otherSurvey = clicked(other, other + "-b", "CSAT_3", 1);

        get(manager, "/dashboard").then().statusCode(200);
        get(manager, "/dashboard?team=" + mine).then().statusCode(200);
        get(manager, "/dashboard?agent=" + mine + "-a").then().statusCode(200);
        get(manager, "/dashboard?team=" + other).then().statusCode(403);
        get(manager, "/dashboard?team=" + mine + "&team=" + other).then().statusCode(403);
        get(manager, "/dashboard?agent=" + other + "-b").then().statusCode(403);
        get(manager, "/dashboard/ratings/" + otherSurvey).then().statusCode(403);
        get(manager, "/dashboard/ratings.csv?team=" + other).then().statusCode(403);
        get(manager, "/dashboard/feed?team=" + other).then().statusCode(403);
        get(DashboardViewers.admin(), "/dashboard/ratings/" + otherSurvey).then().statusCode(200);
    }

    @Test
    void theCsvIsExactlyWhatTheApiGivesForTheSameFilters() {
        String team = team();
        clicked(team, "csv-agent-1", "CSAT_5", 5);
        clicked(team, "csv-agent-2", "CSAT_5", 1);
        clicked(team, "csv-agent-1", "NPS", 7);
        String from = today.minusDays(29).toString();
        String to = today.plusDays(1).toString();

        String dashboard = get(DashboardViewers.admin(), "/dashboard/ratings.csv?team=" + team).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String api = given().header("Authorization", "Bearer test-api-key").accept("text/csv")
                .queryParam("teamId", team).queryParam("from", from).queryParam("to", to).queryParam("limit", 1000)
                .get("/v1/ratings").then().statusCode(200).extract().asString();

        assertThat(dashboard).isEqualTo(api);
        assertThat(dashboard.lines()).hasSize(4);
        String scaled = get(DashboardViewers.admin(), "/dashboard/ratings.csv?team=" + team + "&scale=NPS&agent=csv-agent-1")
                .then().statusCode(200).extract().asString();
        assertThat(scaled.lines()).hasSize(2);
        assertThat(scaled).isEqualTo(given().header("Authorization", "Bearer test-api-key").accept("text/csv")
                .queryParam("teamId", team).queryParam("agentId", "csv-agent-1").queryParam("scale", "NPS")
                .queryParam("from", from).queryParam("to", to).queryParam("limit", 1000)
                .get("/v1/ratings").then().extract().asString());
    }

    @Test
    void aLowRatingIsInTheFeedAndItsPageShowsItsClicks() {
        String team = team();
        String survey = clicked(team, "feed-agent", "CSAT_5", 1);

        String feed = get(DashboardViewers.admin(), "/dashboard/feed?team=" + team).then().statusCode(200).extract().asString();
        assertThat(feed).contains("/dashboard/ratings/" + survey).contains("feed-agent");

        String rating = get(DashboardViewers.admin(), "/dashboard/ratings/" + survey).then().statusCode(200).extract().asString();
        assertThat(rating).contains("in the email").contains("counted").contains(team);
    }

    @Test
    void aFailedEscalationIsListedAndItsRetryButtonHandsItBackToTheQueue() {
        String team = team();
        String survey = clicked(team, "esc-agent", "CSAT_5", 1);
        Escalation failed = DashboardData.failedEscalation(escalations, survey, team);

        String list = get(DashboardViewers.admin(), "/dashboard/escalations").then().statusCode(200).extract().asString();
        assertThat(list).contains("/dashboard/escalations/" + failed.id().format() + "/retry");

        get(DashboardViewers.manager(scores, "someone-else"), "/dashboard/escalations").then().statusCode(200);
        given().redirects().follow(false).cookie(DashboardSession.COOKIE, DashboardViewers.manager(scores, "someone-else"))
                .post("/dashboard/escalations/" + failed.id().format() + "/retry").then().statusCode(403);
        Response retried = given().redirects().follow(false).cookie(DashboardSession.COOKIE, DashboardViewers.admin())
                .post("/dashboard/escalations/" + failed.id().format() + "/retry?lang=ro");
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.header("Location")).contains("/dashboard/escalations?lang=ro&retried=");
    }

    @Test
    void filtersThatCannotBeReadAreNamed() {
        String page = get(DashboardViewers.admin(), "/dashboard?window=1y&from=2026-13-01&to=2026-01-01&scale=STARS")
                .then().statusCode(400).extract().asString();
        assertThat(page).contains("window must be one of").contains("scale must be one of");
    }

    /** Mints a survey and clicks one answer in the email; returns the survey id. */
    static String clicked(String team, String agent, String scale, int score) {
        List<Map<String, Object>> links = given().header("Authorization", "Bearer test-api-key").contentType(ContentType.JSON)
                .body(Map.of("ticketId", "T-" + UUID.randomUUID().toString().substring(0, 6), "agentId", agent,
                        "teamId", team, "customerRef", "c-1", "scale", scale, "locale", "en"))
                .post("/v1/surveys").then().statusCode(201).extract().jsonPath().getList("links");
        String surveyId = null;
        for (Map<String, Object> link : links) {
            if (((Integer) link.get("score")) == score) {
                String path = URI.create((String) link.get("url")).getPath();
                given().header("User-Agent", BROWSER).get(path).then().statusCode(200);
                surveyId = path;
            }
        }
        String id = given().header("Authorization", "Bearer test-api-key").accept(ContentType.JSON).queryParam("teamId", team)
                .queryParam("agentId", agent).get("/v1/ratings").then().extract().jsonPath().getString("ratings[0].surveyId");
        assertThat(surveyId).isNotNull();
        return id;
    }

    static String between(String text, String start, String end) {
        Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL).matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
