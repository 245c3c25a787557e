package io.ratelink.http.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.dashboard.Access;
import io.ratelink.dashboard.ChartPlot;
import io.ratelink.dashboard.Headline;
import io.ratelink.dashboard.LevelReport;
import io.ratelink.dashboard.Period;
import io.ratelink.dashboard.Ranking;
import io.ratelink.dashboard.Scope;
import io.ratelink.dashboard.TrendPoint;
import io.ratelink.dashboard.access.Viewer;
import io.ratelink.dashboard.store.DashboardReader;
import io.ratelink.dashboard.store.RatingSearch;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.http.dashboard.access.SignedIn;
import io.ratelink.http.escalations.EscalationRetry;
import io.ratelink.http.rating.RatingsCsv;
import io.ratelink.rating.Click;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingQuery;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metric;
import io.ratelink.score.Metrics;
import io.ratelink.survey.Languages;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's pages, drawn on the server without any script: the overview of a level (organisation, teams, an
 * agent) with its trends and the table of the level below, the feed of low ratings and comments, the held ratings,
 * the escalations that failed, a rating, and the CSV of the filtered ratings.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    /** The most ratings a feed, held list or page reads, and the most a CSV export holds. */
    static final int FEED_ROWS = 50;
    static final int FEED_READ = 2000;
    static final int CSV_ROWS = 20_000;
    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 180;
    static final int ESCALATION_ROWS = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Views.Overview view);

        static native TemplateInstance ratings(Views.RatingList view);

        static native TemplateInstance escalations(Views.EscalationList view);

        static native TemplateInstance rating(Views.RatingPage view);

        static native TemplateInstance refused(Views.Frame frame, String heading, String body);
    }

    private final SignedIn signedIn;
    private final DashboardReader reader;
    private final RatingSearch search;
    private final RatingStore ratings;
    private final EscalationStore escalations;
    private final EscalationRetry retry;
    private final Metrics metrics;
    private final Clock clock;

    public DashboardResource(SignedIn signedIn, DashboardReader reader, RatingSearch search, RatingStore ratings,
            EscalationStore escalations, EscalationRetry retry, Metrics metrics, Clock clock) {
        this.signedIn = signedIn;
        this.reader = reader;
        this.search = search;
        this.ratings = ratings;
        this.escalations = escalations;
        this.retry = retry;
        this.metrics = metrics;
        this.clock = clock;
    }

    // ---- pages

    @GET
    public Response overview(@Context UriInfo uri, @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> {
            Scope scope = filters.scope();
            Optional<Response> refused = refuseUnlessOpen(viewer, scope, filters, uri);
            if (refused.isPresent()) {
                return refused.get();
            }
            Period period = filters.period(today());
            LevelReport report = reader.level(scope, period, filters.scale(), viewer);
            return Response.ok(Templates.overview(overviewView(uri, viewer, filters, report))).build();
        });
    }

    @GET
    @Path("/feed")
    public Response feed(@Context UriInfo uri, @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> ratingList(uri, viewer, filters, false));
    }

    @GET
    @Path("/held")
    public Response held(@Context UriInfo uri, @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> ratingList(uri, viewer, filters, true));
    }

    @GET
    @Path("/escalations")
    public Response escalationList(@Context UriInfo uri, @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> {
            Messages msg = Messages.forTag(filters.lang());
            List<Views.EscalationRow> rows = new ArrayList<>();
            for (EscalationStatus status : List.of(EscalationStatus.FAILED, EscalationStatus.UNKNOWN)) {
                escalations.list(status, ESCALATION_ROWS, Optional.empty()).escalations().stream()
                        .filter(e -> viewer.sees(e.rating().teamId()))
                        .filter(e -> filters.teams().isEmpty() || filters.teams().contains(e.rating().teamId()))
                        .filter(e -> filters.agent().map(e.rating().agentId()::equals).orElse(true))
                        .forEach(e -> rows.add(escalationRow(msg, filters, e)));
            }
            String notice = Optional.ofNullable(uri.getQueryParameters().getFirst("retried"))
                    .map(id -> msg.get("dashboard.escalations.retried", id)).orElse("");
            return Response.ok(Templates.escalations(new Views.EscalationList(
                    frame(uri, viewer, filters, msg, msg.get("dashboard.escalations.title")), notice, rows))).build();
        });
    }

    /** The retry button: the same path as {@code POST /v1/escalations/{id}/retry}, then back to the list. */
    @POST
    @Path("/escalations/{id}/retry")
    public Response retryEscalation(@PathParam("id") String id, @Context UriInfo uri,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> {
            Optional<EscalationId> parsed = EscalationId.parse(id).filter(p -> SurveyIds.isWellFormed(p.surveyId()));
            Optional<Escalation> found = parsed.flatMap(retry::find);
            if (found.isEmpty()) {
                return refused(uri, viewer, filters, Response.Status.NOT_FOUND, "dashboard.notFound");
            }
            if (!viewer.sees(found.get().rating().teamId())) {
                return refused(uri, viewer, filters, Response.Status.FORBIDDEN, "dashboard.forbidden");
            }
            EscalationRetry.Result result = retry.retry(found.get());
            if (result.outcome() == EscalationRetry.Outcome.NOT_REPLAYABLE) {
                return refused(uri, viewer, filters, Response.Status.CONFLICT, "dashboard.escalations.notReplayable");
            }
            return Response.seeOther(URI.create("/dashboard/escalations" + filters.query() + "&retried="
                    + DashboardFilters.encode(found.get().id().format()))).build();
        });
    }

    @GET
    @Path("/ratings/{surveyId}")
    public Response rating(@PathParam("surveyId") String surveyId, @Context UriInfo uri,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> {
            Optional<Rating> found = SurveyIds.isWellFormed(surveyId) ? ratings.find(surveyId) : Optional.empty();
            if (found.isEmpty()) {
                return refused(uri, viewer, filters, Response.Status.NOT_FOUND, "dashboard.notFound");
            }
            Rating rating = found.get();
            if (!viewer.sees(rating.teamId())) {
                return refused(uri, viewer, filters, Response.Status.FORBIDDEN, "dashboard.forbidden");
            }
            Messages msg = Messages.forTag(filters.lang());
            List<Views.Fact> facts = new ArrayList<>();
            facts.add(new Views.Fact(msg.get("dashboard.rating.score"), score(msg, rating.scale(), rating.score())));
            facts.add(new Views.Fact(msg.get("dashboard.rating.question"), msg.question(rating.scale())));
            facts.add(new Views.Fact(msg.get("dashboard.rating.status"), msg.get("dashboard.status." + rating.status().attributeValue())));
            rating.statusReason().ifPresent(reason -> facts.add(new Views.Fact(msg.get("dashboard.rating.reason"), reason)));
            facts.add(new Views.Fact(msg.get("dashboard.col.agent"), rating.agentId()));
            facts.add(new Views.Fact(msg.get("dashboard.col.team"), rating.teamId()));
            facts.add(new Views.Fact(msg.get("dashboard.rating.ticket"), rating.ticketId()));
            facts.add(new Views.Fact(msg.get("dashboard.rating.firstClick"), Format.time(rating.firstClickAt())));
            facts.add(new Views.Fact(msg.get("dashboard.rating.changed"), Format.time(rating.changedAt())));
            facts.add(new Views.Fact(msg.get("dashboard.rating.language"), rating.locale()));
            List<Views.ClickRow> clicks = rating.clicks().stream().map(click -> clickRow(msg, rating.scale(), click)).toList();
            List<Views.EscalationRow> thread = escalations.thread(rating.surveyId()).stream()
                    .map(e -> escalationRow(msg, filters, e)).toList();
            return Response.ok(Templates.rating(new Views.RatingPage(
                    frame(uri, viewer, filters, msg, msg.get("dashboard.rating.title")),
                    msg.get("dashboard.rating.title"), facts, rating.comment().orElse(""), clicks, thread))).build();
        });
    }

    /** Exactly the filtered ratings, as {@code GET /v1/ratings} writes them for the same filters. */
    @GET
    @Path("/ratings.csv")
    @Produces("text/csv")
    public Response csv(@Context UriInfo uri, @HeaderParam("Accept-Language") String acceptLanguage) {
        return page(uri, acceptLanguage, (viewer, filters) -> {
            Scope scope = filters.scope();
            Optional<Response> refused = refuseUnlessOpen(viewer, scope, filters, uri);
            if (refused.isPresent()) {
                return refused.get();
            }
            RatingSearch.Found found = search.find(query(filters, Optional.empty(), EnumSet.of(RatingStatus.COUNTED)),
                    Access.ratingTeams(viewer, scope), rating -> true, CSV_ROWS, CSV_ROWS);
            Response.ResponseBuilder csv = Response.ok(RatingsCsv.write(found.ratings()), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"ratings.csv\"");
            if (!found.complete()) {
                csv.header("X-Truncated-At", CSV_ROWS);
            }
            return csv.build();
        });
    }

    // ---- what the pages share

    private interface PageBody {
        Response render(Viewer viewer, DashboardFilters filters);
    }

    private Response page(UriInfo uri, String acceptLanguage, PageBody body) {
        Optional<Viewer> viewer = signedIn.viewer();
        if (viewer.isEmpty()) {
            String next = uri.getRequestUri().getRawPath()
                    + Optional.ofNullable(uri.getRequestUri().getRawQuery()).map(q -> "?" + q).orElse("");
            return Response.seeOther(URI.create("/dashboard/sign-in?next=" + DashboardFilters.encode(next))).build();
        }
        List<String> problems = new ArrayList<>();
        DashboardFilters filters = DashboardFilters.read(uri.getQueryParameters(), acceptLanguage, problems);
        if (!problems.isEmpty()) {
            Messages msg = Messages.forTag(filters.lang());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.refused(frame(uri, viewer.get(), filters, msg, msg.get("dashboard.badFilters")),
                            msg.get("dashboard.badFilters"), String.join("; ", problems))).build();
        }
        return body.render(viewer.get(), filters);
    }

    private Optional<Response> refuseUnlessOpen(Viewer viewer, Scope scope, DashboardFilters filters, UriInfo uri) {
        Set<String> agentTeams = scope.level() == Scope.Level.AGENT && !viewer.admin()
                ? reader.teamsOf(scope.agent().orElseThrow()) : Set.of();
        if (Access.mayOpen(viewer, scope, agentTeams)) {
            return Optional.empty();
        }
        return Optional.of(refused(uri, viewer, filters, Response.Status.FORBIDDEN, "dashboard.forbidden"));
    }

    private Response refused(UriInfo uri, Viewer viewer, DashboardFilters filters, Response.Status status, String key) {
        Messages msg = Messages.forTag(filters.lang());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(frame(uri, viewer, filters, msg, msg.get(key + ".title")),
                        msg.get(key + ".title"), msg.get(key + ".body"))).build();
    }

    private Response ratingList(UriInfo uri, Viewer viewer, DashboardFilters filters, boolean held) {
        Scope scope = filters.scope();
        Optional<Response> refused = refuseUnlessOpen(viewer, scope, filters, uri);
        if (refused.isPresent()) {
            return refused.get();
        }
        Messages msg = Messages.forTag(filters.lang());
        RatingSearch.Found found = held
                ? search.find(query(filters, Optional.empty(), EnumSet.of(RatingStatus.SUSPECT)),
                        Access.ratingTeams(viewer, scope), rating -> true, FEED_ROWS, FEED_READ)
                : search.find(query(filters, Optional.empty(), EnumSet.of(RatingStatus.COUNTED)),
                        Access.ratingTeams(viewer, scope),
                        rating -> rating.low() || rating.comment().filter(c -> !c.isBlank()).isPresent(),
                        FEED_ROWS, FEED_READ);
        List<Views.RatingRow> rows = found.ratings().stream().map(rating -> new Views.RatingRow(
                "/dashboard/ratings/" + rating.surveyId() + "?lang=" + filters.lang(), Format.time(rating.changedAt()),
                scaleName(msg, rating.scale()), score(msg, rating.scale(), rating.score()), rating.low(), rating.agentId(),
                rating.teamId(), rating.comment().orElse(""), rating.statusReason().orElse(""))).toList();
        String key = held ? "dashboard.held" : "dashboard.feed";
        return Response.ok(Templates.ratings(new Views.RatingList(frame(uri, viewer, filters, msg, msg.get(key + ".title")),
                msg.get(key + ".title"), msg.get(key + ".intro"), rows, held,
                found.complete() ? "" : msg.get("dashboard.list.more", FEED_ROWS)))).build();
    }

    private RatingQuery query(DashboardFilters filters, Optional<Boolean> low, Set<RatingStatus> statuses) {
        Period period = filters.period(today());
        return new RatingQuery(filters.agent(), Optional.empty(), filters.scale(),
                period.first().atStartOfDay(ZoneOffset.UTC).toInstant(),
                period.last().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                low, statuses, RatingSearch.PAGE, Optional.empty());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- the overview's view

    private Views.Overview overviewView(UriInfo uri, Viewer viewer, DashboardFilters filters, LevelReport report) {
        Messages msg = Messages.forTag(filters.lang());
        String windowText = filters.isRange() ? msg.get("dashboard.previousPeriod") : msg.get("window." + filters.window());
        String periodText = msg.get("dashboard.period", report.period().first().toString(), report.period().last().toString());
        List<Views.Card> cards = new ArrayList<>();
        for (Headline headline : report.headlines()) {
            boolean selected = report.scale().filter(headline.scale()::equals).isPresent();
            String scaleName = scaleName(msg, headline.scale());
            String metricName = msg.get("metric." + headline.metric());
            cards.add(new Views.Card("/dashboard" + filters.withScale(headline.scale()).query(),
                    scaleName, scaleName.startsWith(metricName) ? "" : metricName,
                    Format.value(headline.metric(), headline.current().value()),
                    Format.interval(msg, headline.metric(), headline.current()),
                    msg.get("dashboard.n", Long.toString(headline.current().n())), headline.current().lowSample(),
                    Format.change(msg, headline.metric(), headline.change(), windowText),
                    Format.changeClass(headline.change()), selected));
        }
        Views.Card chi = new Views.Card("", msg.get("dashboard.chi"), msg.get("dashboard.chi.about"),
                report.chi().value() == null ? "–" : Format.number(Metrics.CSAT, report.chi().value()),
                "", msg.get("dashboard.chi.previous", report.chi().previous() == null ? "–"
                        : Format.number(Metrics.CSAT, report.chi().previous())),
                report.chi().lowSample(), msg.get("dashboard.change.notComparable"), "flat", false);
        Views.Chart daily = null;
        Views.Chart weekly = null;
        List<Views.Bar> bars = List.of();
        if (report.scale().isPresent()) {
            Scale scale = report.scale().get();
            daily = chart(msg, scale, "daily", msg.get("dashboard.trend.daily", scaleName(msg, scale)), report.daily());
            weekly = chart(msg, scale, "weekly", msg.get("dashboard.trend.weekly", scaleName(msg, scale)), report.weekly());
            bars = bars(msg, scale, report.distribution().orElse(Histogram.empty(scale)));
        }
        List<Views.TableRow> rows = new ArrayList<>();
        String metric = report.scale().map(Metrics::headline).orElse(Metrics.CSAT);
        for (Ranking.Row row : Ranking.sort(report.children(), filters.sort(), filters.descending())) {
            String href = "/dashboard" + (report.scope().level() == Scope.Level.ORG
                    ? filters.withTeams(Set.of(row.id())).query() : filters.withAgent(row.id()).query());
            rows.add(new Views.TableRow(href, row.id(), Format.value(metric, row.score().value()),
                    Format.range(metric, row.score()), Long.toString(row.score().n()), row.lowSample(),
                    Format.change(msg, metric, row.change(), windowText), Format.changeClass(row.change())));
        }
        List<Views.Link> sortLinks = new ArrayList<>();
        for (Ranking.SortKey key : Ranking.SortKey.values()) {
            boolean current = filters.sort() == key;
            boolean nextDescending = !current || !filters.descending();
            String arrow = current ? (filters.descending() ? " ↓" : " ↑") : "";
            sortLinks.add(new Views.Link("/dashboard" + filters.withSort(key, nextDescending).query(),
                    msg.get("dashboard.col." + key.param()) + arrow, current));
        }
        String heading = switch (report.scope().level()) {
            case ORG -> msg.get("dashboard.level.org");
            case TEAMS -> msg.get("dashboard.level.teams", String.join(", ", report.scope().teams()));
            case AGENT -> msg.get("dashboard.level.agent", report.scope().agent().orElseThrow());
        };
        String tableTitle = switch (report.scope().level()) {
            case ORG -> msg.get("dashboard.table.teams");
            case TEAMS -> msg.get("dashboard.table.agents");
            case AGENT -> "";
        };
        return new Views.Overview(frame(uri, viewer, filters, msg, heading), heading, periodText, cards, chi,
                report.headlines().isEmpty(), daily, weekly, bars, tableTitle, sortLinks, rows);
    }

    private Views.Chart chart(Messages msg, Scale scale, String id, String title, List<TrendPoint> points) {
        String metric = Metrics.headline(scale);
        ChartPlot plot = ChartPlot.of(points, scale, CHART_WIDTH, CHART_HEIGHT);
        List<Views.Dot> dots = plot.dots().stream().map(dot -> new Views.Dot(coordinate(dot.x()), coordinate(dot.y()),
                pointText(msg, metric, dot.point()))).toList();
        List<Views.Grid> grid = plot.gridLines().stream().map(line -> new Views.Grid(coordinate(line.y()),
                Format.number(metric, line.value()))).toList();
        List<Views.DataRow> rows = points.stream().map(point -> new Views.DataRow(range(point),
                Format.value(metric, point.metric().value()), Format.range(metric, point.metric()),
                Long.toString(point.metric().n()))).toList();
        long answered = points.stream().filter(point -> point.metric().hasValue()).count();
        String description = msg.get("dashboard.chart.about", msg.get("metric." + metric), points.size(), answered);
        return new Views.Chart(id, title, description, plot.width(), plot.height(), plot.lines(), plot.bands(), dots,
                grid, points.get(0).first().toString(), points.get(points.size() - 1).last().toString(), rows);
    }

    private static String pointText(Messages msg, String metric, TrendPoint point) {
        Metric m = point.metric();
        return range(point) + ": " + Format.value(metric, m.value()) + " " + Format.interval(msg, metric, m) + " "
                + msg.get("dashboard.n", Long.toString(m.n()));
    }

    private static String range(TrendPoint point) {
        return point.first().equals(point.last()) ? point.last().toString() : point.first() + " – " + point.last();
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static List<Views.Bar> bars(Messages msg, Scale scale, Histogram histogram) {
        long max = 1;
        for (int point : scale.points()) {
            max = Math.max(max, histogram.count(point));
        }
        List<Views.Bar> bars = new ArrayList<>();
        for (int point : scale.points()) {
            long count = histogram.count(point);
            double share = histogram.total() == 0 ? 0 : 100.0 * count / histogram.total();
            bars.add(new Views.Bar(score(msg, scale, point), Long.toString(count),
                    String.format(Locale.ROOT, "%.0f\u202f%%", share),
                    String.format(Locale.ROOT, "%.1f%%", 100.0 * count / max)));
        }
        return bars;
    }

    private static String scaleName(Messages msg, Scale scale) {
        return msg.get("dashboard.scale." + scale.name());
    }

    private static String score(Messages msg, Scale scale, int point) {
        String text = msg.optionText(scale, point);
        return scale.isPictorial() ? scale.symbol(point) + " " + text : text;
    }

    private static Views.ClickRow clickRow(Messages msg, Scale scale, Click click) {
        return new Views.ClickRow(Format.time(click.at()), score(msg, scale, click.score()),
                click.client().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                msg.get(click.isLinkClick() ? "dashboard.click.email" : "dashboard.click.page"));
    }

    private Views.EscalationRow escalationRow(Messages msg, DashboardFilters filters, Escalation e) {
        String id = e.id().format();
        return new Views.EscalationRow(id, msg.get("dashboard.escalation." + e.status().attributeValue()),
                Format.time(e.updatedAt()), e.rating().agentId(), e.rating().teamId(),
                score(msg, e.rating().scale(), e.rating().score()), e.lastError().orElse(""),
                "/dashboard/ratings/" + e.rating().surveyId() + "?lang=" + filters.lang(),
                "/dashboard/escalations/" + DashboardFilters.encode(id) + "/retry" + filters.query(),
                e.status().isReplayable());
    }

    // ---- the frame

    private Views.Frame frame(UriInfo uri, Viewer viewer, DashboardFilters filters, Messages msg, String title) {
        String query = filters.query();
        String path = uri.getPath();
        List<Views.Link> tabs = List.of(
                new Views.Link("/dashboard" + query, msg.get("dashboard.tab.overview"), path.equals("/dashboard")),
                new Views.Link("/dashboard/feed" + query, msg.get("dashboard.tab.feed"), path.equals("/dashboard/feed")),
                new Views.Link("/dashboard/held" + query, msg.get("dashboard.tab.held"), path.equals("/dashboard/held")),
                new Views.Link("/dashboard/escalations" + query, msg.get("dashboard.tab.escalations"),
                        path.startsWith("/dashboard/escalations")));
        String here = path.startsWith("/dashboard/ratings/") || path.contains("/retry") ? "/dashboard" : path;
        List<Views.Link> languages = Languages.all().stream().map(tag -> new Views.Link(
                here + filters.withLang(tag).query(), Messages.forTag(tag).get("lang.name"),
                tag.equals(filters.lang()))).toList();
        List<Views.Link> crumbs = new ArrayList<>();
        DashboardFilters top = filters.withTeams(Set.of());
        crumbs.add(new Views.Link("/dashboard" + top.query(), msg.get("dashboard.level.org"), filters.scope().level() == Scope.Level.ORG));
        if (!filters.teams().isEmpty() && filters.agent().isEmpty()) {
            crumbs.add(new Views.Link("/dashboard" + query, String.join(", ", filters.teams()), true));
        }
        filters.agent().ifPresent(agent -> crumbs.add(new Views.Link("/dashboard" + query, agent, true)));
        List<Views.Option> scales = new ArrayList<>();
        scales.add(new Views.Option("", msg.get("dashboard.filter.anyScale"), filters.scale().isEmpty()));
        for (Scale scale : Scale.values()) {
            scales.add(new Views.Option(scale.name(), scaleName(msg, scale), filters.scale().filter(scale::equals).isPresent()));
        }
        List<Views.Option> windows = DashboardFilters.WINDOWS.stream().map(window -> new Views.Option(window,
                msg.get("window." + window), !filters.isRange() && window.equals(filters.window()))).toList();
        Set<String> teamChoices = new TreeSet<>(viewer.admin() ? Set.of() : viewer.teams());
        teamChoices.addAll(filters.teams());
        List<Views.Option> teams = teamChoices.stream()
                .map(team -> new Views.Option(team, team, filters.teams().contains(team))).toList();
        String formAction = path.startsWith("/dashboard/ratings/") || path.contains("/retry") ? "/dashboard" : path;
        Views.Form form = new Views.Form(formAction, filters.lang(), scales, windows,
                filters.from().map(LocalDate::toString).orElse(""), filters.to().map(LocalDate::toString).orElse(""),
                teams, filters.agent().orElse(""));
        return new Views.Frame(msg, title, tabs, languages, crumbs, form, "/dashboard/ratings.csv" + query);
    }
}
