package io.ratelink.http.dashboard;

import io.ratelink.survey.Messages;

import java.util.List;

/** What the dashboard's templates show, formatted and linked already: the templates only lay it out. */
public final class Views {

    private Views() {
    }

    public record Link(String href, String text, boolean current) {
    }

    public record Option(String value, String text, boolean selected) {
    }

    /** What every dashboard page has: its language, its tabs, where it is, and the filters. */
    public record Frame(Messages msg, String title, List<Link> tabs, List<Link> languages, List<Link> crumbs,
            Form form, String csvHref) {
    }

    public record Form(String action, String lang, List<Option> scales, List<Option> windows, String from, String to,
            List<Option> teams, String agent) {
    }

    public record Card(String href, String scale, String metric, String value, String interval, String n,
            boolean lowSample, String change, String changeClass, boolean selected) {
    }

    public record Chart(String id, String title, String description, int width, int height, List<String> lines,
            List<String> bands, List<Dot> dots, List<Grid> grid, String firstLabel, String lastLabel,
            List<DataRow> rows) {
    }

    public record Dot(String x, String y, String title) {
    }

    public record Grid(String y, String label) {
    }

    public record DataRow(String period, String value, String interval, String n) {
    }

    public record Bar(String label, String count, String pct, String width) {
    }

    public record TableRow(String href, String name, String value, String interval, String n, boolean lowSample,
            String change, String changeClass) {
    }

    public record Overview(Frame frame, String heading, String periodText, List<Card> cards, Card chi,
            boolean empty, Chart daily, Chart weekly, List<Bar> distribution, String tableTitle,
            List<Link> sortLinks, List<TableRow> rows) {
    }

    public record RatingRow(String href, String when, String scale, String score, boolean low, String agent,
            String team, String comment, String reason) {
    }

    public record RatingList(Frame frame, String heading, String intro, List<RatingRow> rows, boolean held,
            String more) {
    }

    public record EscalationRow(String id, String status, String when, String agent, String team, String score,
            String error, String ratingHref, String retryAction, boolean retryable) {
    }

    public record EscalationList(Frame frame, String notice, List<EscalationRow> rows) {
    }

    public record Fact(String label, String value) {
    }

    public record ClickRow(String when, String score, String client, String method) {
    }

    public record RatingPage(Frame frame, String heading, List<Fact> facts, String comment, List<ClickRow> clicks,
            List<EscalationRow> thread) {
    }
}
