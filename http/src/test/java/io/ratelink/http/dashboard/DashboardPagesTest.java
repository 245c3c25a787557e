package io.ratelink.http.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.survey.Languages;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dashboard page in every language: answered, in the language and its direction, without script. Each page is
 * also written to {@code target/dashboard-pages/<page>-<language>.html}, for screenshots at phone and desktop widths.
 */
@QuarkusTest
class DashboardPagesTest {

    static final Path OUT = Path.of("target", "dashboard-pages");

    @Inject
    ScoreStore scores;
    @Inject
    Metrics metrics;

    @Test
    void everyPageRendersInEveryLanguageInItsDirectionWithoutScript() throws IOException {
        String team = "pages-" + UUID.randomUUID().toString().substring(0, 6);
        Random random = new Random(7);
        DashboardData data = new DashboardData(scores, metrics, LocalDate.now(ZoneOffset.UTC));
        for (int agent = 1; agent <= 6; agent++) {
            for (int day = 0; day < 360; day += 1 + random.nextInt(3)) {
                long[] csat = {random.nextInt(2), random.nextInt(2), random.nextInt(2), random.nextInt(4), random.nextInt(5 + agent)};
                data.answers(team, team + "-agent-" + agent, Scale.CSAT_5, day, Histogram.of(Scale.CSAT_5, csat), true);
                if (day % 3 == 0) {
                    long[] nps = new long[11];
                    nps[random.nextInt(11)] = 1;
                    nps[9 + random.nextInt(2)] += 1;
                    data.answers(team, team + "-agent-" + agent, Scale.NPS, day, Histogram.of(Scale.NPS, nps), true);
                }
            }
        }
        data.write();
        String low = DashboardResourceTest.clicked(team, team + "-agent-1", "CSAT_5", 1);
        DashboardResourceTest.clicked(team, team + "-agent-2", "NPS", 3);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview-org", "/dashboard?window=90d");
        pages.put("overview-team", "/dashboard?window=90d&team=" + team);
        pages.put("overview-agent", "/dashboard?agent=" + team + "-agent-1");
        pages.put("feed", "/dashboard/feed?team=" + team);
        pages.put("held", "/dashboard/held");
        pages.put("escalations", "/dashboard/escalations");
        pages.put("rating", "/dashboard/ratings/" + low + "?x=1");
        Files.createDirectories(OUT);
        for (String language : Languages.all()) {
            Messages msg = Messages.forTag(language);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String path = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + language;
                String html = DashboardResourceTest.get(DashboardViewers.admin(), path).then().statusCode(200)
                        .extract().asString();
                assertThat(html).as(path).contains("<html lang=\"" + msg.htmlLang() + "\" dir=\"" + msg.dir() + "\">")
                        .contains(msg.get("dashboard.title")).doesNotContain("<script");
                assertThat(html.substring(html.indexOf("</h1>"), html.indexOf("</main>")))
                        .as(path + ": the page's own content under its heading").containsPattern("<(p|dl|table|section)\\b");
                assertThat(html.getBytes(StandardCharsets.UTF_8).length).as(path).isLessThan(150_000);
                Files.writeString(OUT.resolve(page.getKey() + "-" + language + ".html"), html);
            }
        }
    }
}
