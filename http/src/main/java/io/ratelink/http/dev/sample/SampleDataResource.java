package io.ratelink.http.dev.sample;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.rating.ScannerGuard;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.recompute.Recompute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /dev/sample-data}: a page with one button that fills the tables with {@value SampleSurveys#DAYS} days of
 * ratings for a sample organisation ({@link SampleDataFill}), so that the dashboard has something to show; with
 * {@code Accept: application/json}, the {@code POST} answers what it did as JSON. Built into dev mode and tests only.
 */
@Path("/dev/sample-data")
@IfBuildProfile(anyOf = { "dev", "test" })
public class SampleDataResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(int days, List<TeamView> teams, Filled filled);
    }

    /** A team as the page lists it. */
    public record TeamView(String id, String managerEmail, List<String> agents) {
    }

    /** What a fill did, as the page and the JSON show it. */
    public record Filled(int agents, int surveysWritten, int surveysAlreadyThere, int requests, int held,
            String recompute, int ratingsRecounted, Instant asOf, double seconds) {

        static Filled of(SampleDataFill.Result result) {
            return new Filled(result.agents(), result.written(), result.present(), result.requests(), result.held(),
                    result.recompute().outcome().name(), result.recompute().ratingsRecounted(),
                    result.asOf(), result.took().toMillis() / 1000.0);
        }
    }

    private final SampleDataFill fill;
    private final SampleOrg org = SampleOrg.standard();

    public SampleDataResource(RatingStore store, ScannerGuard guard, ManagerDirectory directory, Recompute recompute,
            RatelinkConfig config, Clock clock) {
        this.fill = new SampleDataFill(store, guard, directory, recompute, config, clock, org);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.page(SampleSurveys.DAYS, teams(), null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance fillFromPage() {
        return Templates.page(SampleSurveys.DAYS, teams(), Filled.of(fill.fill()));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Filled fillAsJson() {
        return Filled.of(fill.fill());
    }

    private List<TeamView> teams() {
        return org.teams().stream().map(team -> new TeamView(team.id(), team.managerEmail(),
                team.members().stream().map(SampleOrg.Member::name).toList())).toList();
    }
}
