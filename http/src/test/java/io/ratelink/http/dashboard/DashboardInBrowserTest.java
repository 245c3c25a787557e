package io.ratelink.http.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.http.browser.Browser;
import io.ratelink.http.dashboard.access.DashboardSession;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.survey.Scale;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support lead's first visit in a real browser: signs in with the link the dev mailbox caught, drills from the
 * organisation to a team and an agent, reads the trend chart, exports the CSV and filters, opens a low rating from
 * the feed, and retries its failed escalation email. Screenshots of each step go to target/screenshots.
 */
@QuarkusTest
class DashboardInBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final Browser browser = new Browser();

    @Inject
    ScoreStore scores;
    @Inject
    Metrics metrics;
    @Inject
    EscalationStore escalations;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aLeadSignsInByMailDrillsToAnAgentExportsFiltersOpensARatingAndRetriesItsEscalation() {
        String team = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = team + "-ana";
        DashboardData data = new DashboardData(scores, metrics, today);
        for (int day = 0; day < 30; day++) {
            data.answers(team, agent, Scale.CSAT_5, day, Histogram.of(Scale.CSAT_5, 0, 0, 0, 1, 2), true);
        }
        data.answers(team, team + "-bo", Scale.CSAT_5, 3, Histogram.of(Scale.CSAT_5, 0, 0, 1, 0, 1), true);
        data.write();
        String survey = DashboardResourceTest.clicked(team, agent, "CSAT_5", 1);
        Escalation failed = DashboardData.failedEscalation(escalations, survey, team);
        putAgentWithManager(agent);
        putAgentWithManager("esc-agent");

        WebDriver page = browser.open("/dashboard?lang=en");
        WebDriverWait wait = new WebDriverWait(page, PATIENCE);
        wait.until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        browser.screenshot("1-sign-in");
        int mailsBefore = DashboardSession.mailsTo(DashboardSession.ADMIN).size();
        page.findElement(By.name("email")).sendKeys(DashboardSession.ADMIN);
        page.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("?next=")));
        browser.screenshot("2-link-sent");

        String token = DashboardSession.tokenIn(DashboardSession.awaitMail(DashboardSession.ADMIN, mailsBefore + 1));
        browser.open("/dashboard/sign-in/" + token);
        browser.screenshot("3-sign-in-button");
        page.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches("/dashboard(\\?.*)?$"));
        assertThat(page.findElements(By.cssSelector("a.card"))).as("a headline card per scale in use").isNotEmpty();
        browser.screenshot("4-organisation");

        page.findElement(By.linkText(team)).click();
        wait.until(ExpectedConditions.urlContains("team=" + team));
        browser.screenshot("5-team");
        page.findElement(By.linkText(agent)).click();
        wait.until(ExpectedConditions.urlContains("agent=" + agent));
        WebElement daily = page.findElements(By.cssSelector("figure.chart")).get(0);
        assertThat(daily.findElements(By.cssSelector("svg circle.dot"))).as("a point per day with answers").hasSize(30);
        List<WebElement> rows = daily.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).as("the chart's data table: a row per day of the 90").hasSize(90);
        assertThat(rows.stream().map(row -> row.findElements(By.tagName("td")).get(3).getAttribute("textContent").strip())
                .filter(n -> n.matches("[1-9][0-9]*"))).as("days with answers in the table").hasSize(30);
        browser.screenshot("6-agent");
        browser.size(Browser.PHONE);
        browser.screenshot("6-agent-phone");
        browser.size(Browser.DESKTOP);

        String session = page.manage().getCookieNamed(DashboardSession.COOKIE).getValue();
        String csvHref = page.findElement(By.cssSelector("a[href*='ratings.csv']")).getAttribute("href");
        String exported = given().cookie(DashboardSession.COOKIE, session).get(csvHref).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String fromTheApi = given().header("Authorization", "Bearer test-api-key").accept("text/csv")
                .queryParam("teamId", team).queryParam("agentId", agent)
                .queryParam("from", today.minusDays(29).toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("limit", 1000).get("/v1/ratings").then().statusCode(200).extract().asString();
        assertThat(exported).isEqualTo(fromTheApi).contains(survey);

        new Select(page.findElement(By.id("f-window"))).selectByValue("7d");
        page.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("window=7d"));
        assertThat(page.getCurrentUrl()).contains("agent=" + agent);
        assertThat(new Select(page.findElement(By.id("f-window"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("7d");
        browser.screenshot("7-agent-7-days");

        browser.open("/dashboard/feed?lang=en&team=" + team);
        browser.screenshot("8-feed");
        page.findElement(By.cssSelector("a[href*='/dashboard/ratings/" + survey + "']")).click();
        wait.until(ExpectedConditions.urlContains("/dashboard/ratings/" + survey));
        assertThat(page.findElement(By.tagName("main")).getText()).containsIgnoringCase("failed");
        browser.screenshot("9-rating");

        browser.open("/dashboard/escalations?lang=en");
        page.findElement(By.cssSelector("form[action*='" + failed.id().format() + "/retry'] button")).click();
        wait.until(ExpectedConditions.urlContains("retried="));
        browser.screenshot("10-retried");
        assertThat(statusOnceSettled(failed.id().format())).isEqualTo("sent");
    }

    private static void putAgentWithManager(String agentId) {
        given().header("Authorization", "Bearer test-api-key").contentType(ContentType.JSON)
                .body(Map.of("name", "Agent " + agentId, "email", agentId + "@example.com",
                        "managerEmail", "lead-of-" + agentId + "@example.com", "locale", "en"))
                .put("/v1/agents/{id}", agentId).then().statusCode(200);
    }

    /** The escalation's status once the replay has been through the queue: no longer failed, or failed after 15 s. */
    private static String statusOnceSettled(String id) {
        Instant deadline = Instant.now().plus(PATIENCE);
        String status = "failed";
        while (Instant.now().isBefore(deadline)) {
            status = given().header("Authorization", "Bearer test-api-key").get("/v1/escalations/{id}", id)
                    .then().statusCode(200).extract().jsonPath().getString("status");
            if (!status.equals("failed")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return status;
    }
}
