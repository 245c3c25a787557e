package io.ratelink.http.dev.sample;

import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The sample surveys and what each customer (or mail scanner) does with them, over the {@value #DAYS} days up to a
 * given instant: each day's surveys whose last request came before it. Everything follows from the agent and the day:
 * planning the same days again gives the same surveys, with the same survey ids, so a second fill finds them already
 * there and adds only those that have happened since.
 */
public final class SampleSurveys {

    /** How many days of history, the day of the plan included. */
    public static final int DAYS = 90;
    /** How many comments of each kind the message bundles hold ({@code dev.sample.comment.<kind>.<n>}). */
    static final int COMMENTS_PER_KIND = 6;

    private static final Duration LINK_LIFETIME = Duration.ofDays(30);
    private static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
    /** What Microsoft's Safe Links sends when it opens every link of a message: a browser years old. */
    private static final String SAFE_LINKS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/72.0.3626.109 Safari/537.36";

    private SampleSurveys() {
    }

    /** What happens to one survey. */
    public enum Story {
        /** One click in the email. */
        ANSWERED,
        /** A click, then a comment from the page. */
        COMMENTED,
        /** A click, then another answer chosen on the page, sometimes with a comment. */
        CHANGED_MIND,
        /** A click on the wrong option and, seconds later, on the right one. */
        CORRECTED,
        /** A mail scanner opens every option within a second; nobody answers: held, counted nowhere. */
        SWEPT_AND_HELD,
        /** A mail scanner's sweep, then the customer's own click minutes later, which counts. */
        SWEPT_THEN_ANSWERED;

        public boolean held() {
            return this == SWEPT_AND_HELD;
        }
    }

    /**
     * One request on a rating link.
     *
     * @param linkScore the option of the link it is made on
     * @param linkClick a click in the email ({@code GET}); otherwise an answer sent from the page ({@code POST})
     * @param score     the answer it records: the link's own for a click, the one chosen on the page otherwise
     */
    public record Step(Instant at, int linkScore, boolean linkClick, int score, Optional<String> comment,
            String userAgent, String clientAddress) {
    }

    /**
     * One survey: its links' claims ({@code score} is left at the scale's lowest point, as minting does) and the
     * requests made on them, oldest first.
     *
     * @param finalScore the answer it ends with (the person's, or the last option swept for a held survey)
     */
    public record Survey(SurveyClaims claims, SampleOrg.Team team, Story story, List<Step> steps, int finalScore) {

        public Instant lastRequestAt() {
            return steps.get(steps.size() - 1).at();
        }
    }

    /** The surveys of the {@value #DAYS} days up to {@code asOf} whose requests all came before it, oldest day first. */
    public static List<Survey> plan(SampleOrg org, Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        List<Survey> surveys = new ArrayList<>();
        for (int back = DAYS - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            double progress = (DAYS - 1 - back) / (double) (DAYS - 1);
            for (SampleOrg.Team team : org.teams()) {
                for (SampleOrg.Member member : team.members()) {
                    SplittableRandom random = new SplittableRandom(seed(member.agentId() + "/" + day));
                    int count = surveysOn(day, random);
                    for (int n = 0; n < count; n++) {
                        Survey survey = survey(team, member, day, n, progress, random);
                        if (!survey.lastRequestAt().isAfter(asOf)) {
                            surveys.add(survey);
                        }
                    }
                }
            }
        }
        return surveys;
    }

    private static int surveysOn(LocalDate day, SplittableRandom random) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        int[] choices = weekend ? new int[] { 0, 0, 0, 1, 1 } : new int[] { 0, 1, 1, 1, 2, 2, 2, 3 };
        return choices[random.nextInt(choices.length)];
    }

    private static Survey survey(SampleOrg.Team team, SampleOrg.Member member, LocalDate day, int n, double progress,
            SplittableRandom random) {
        Scale scale = weighted(team.scales(), random);
        String language = weighted(team.languages(), random);
        Instant sentAt = day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(7 * 3600 + random.nextInt(10 * 3600));
        String surveyId = surveyId(member.agentId() + "/" + day + "/" + n);
        SurveyClaims claims = new SurveyClaims(surveyId, scale.min(), scale, Messages.forTag(language).languageTag(),
                String.valueOf(100_000 + Math.floorMod(surveyId.hashCode(), 900_000)), member.agentId(), team.id(),
                "cust-" + surveyId.substring(0, 8).toLowerCase(), sentAt, sentAt.plus(LINK_LIFETIME));

        int score = score(scale, member, progress, random);
        String browser = BROWSERS.get(random.nextInt(BROWSERS.size()));
        String address = "203.0.113." + (1 + random.nextInt(254));
        Instant answeredAt = sentAt.plusSeconds(180 + random.nextInt(5 * 3600));
        Messages messages = Messages.forTag(language);
        List<Step> steps = new ArrayList<>();
        double roll = random.nextDouble();
        Story story;
        if (roll < 0.015) {
            story = Story.SWEPT_AND_HELD;
            score = sweep(scale, sentAt, random, steps);
        } else if (roll < 0.03) {
            story = Story.SWEPT_THEN_ANSWERED;
            sweep(scale, sentAt, random, steps);
            steps.add(click(answeredAt.plusSeconds(600), score, browser, address));
        } else if (roll < 0.055) {
            story = Story.CHANGED_MIND;
            int first = neighbour(scale, score, random);
            steps.add(click(answeredAt, first, browser, address));
            Optional<String> comment = random.nextBoolean() ? Optional.of(comment(messages, scale, score, random))
                    : Optional.empty();
            steps.add(new Step(answeredAt.plusSeconds(20 + random.nextInt(100)), first, false, score, comment, browser,
                    address));
        } else if (roll < 0.07) {
            story = Story.CORRECTED;
            int misclick = neighbour(scale, score, random);
            steps.add(click(answeredAt, misclick, browser, address));
            steps.add(click(answeredAt.plusSeconds(4 + random.nextInt(5)), score, browser, address));
        } else if (random.nextDouble() < (scale.isLow(score) ? 0.5 : 0.15)) {
            story = Story.COMMENTED;
            steps.add(click(answeredAt, score, browser, address));
            steps.add(new Step(answeredAt.plusSeconds(30 + random.nextInt(150)), score, false, score,
                    Optional.of(comment(messages, scale, score, random)), browser, address));
        } else {
            story = Story.ANSWERED;
            steps.add(click(answeredAt, score, browser, address));
        }
        return new Survey(claims, team, story, List.copyOf(steps), score);
    }

    /** Every option opened in the order of the email, a tenth of a second apart; returns the last one opened. */
    private static int sweep(Scale scale, Instant sentAt, SplittableRandom random, List<Step> steps) {
        Instant at = sentAt.plusSeconds(20 + random.nextInt(40));
        String address = "40.107." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        for (int point : scale.points()) {
            steps.add(click(at, point, SAFE_LINKS, address));
            at = at.plusMillis(80 + random.nextInt(60));
        }
        return scale.max();
    }

    private static Step click(Instant at, int score, String userAgent, String address) {
        return new Step(at, score, true, score, Optional.empty(), userAgent, address);
    }

    /**
     * The answer of one customer of the agent: the agent's quality, moved by their trend over the days and by how
     * this customer felt, placed on the scale (the best point is the scale's highest, or its lowest for an effort
     * question).
     */
    private static int score(Scale scale, SampleOrg.Member member, double progress, SplittableRandom random) {
        double feeling = member.quality() + member.trend() * (progress - 0.5) + random.nextGaussian() * 0.2;
        double clamped = Math.max(0, Math.min(1, feeling));
        int fromWorst = (int) Math.round(clamped * (scale.size() - 1));
        return scale.normalize(scale.min() + fromWorst);
    }

    private static int neighbour(Scale scale, int score, SplittableRandom random) {
        int other = score + (random.nextBoolean() ? 1 : -1);
        return scale.isValid(other) ? other : score + (score == scale.min() ? 1 : -1);
    }

    private static String comment(Messages messages, Scale scale, int score, SplittableRandom random) {
        String kind = scale.isLow(score) ? "bad" : scale.isPositive(score) ? "good" : "mixed";
        return messages.get("dev.sample.comment." + kind + "." + (1 + random.nextInt(COMMENTS_PER_KIND)));
    }

    private static <T> T weighted(Map<T, Integer> weights, SplittableRandom random) {
        List<Map.Entry<T, Integer>> entries = weights.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> String.valueOf(a).compareTo(String.valueOf(b))))
                .toList();
        int total = entries.stream().mapToInt(Map.Entry::getValue).sum();
        int pick = random.nextInt(total);
        for (Map.Entry<T, Integer> entry : entries) {
            pick -= entry.getValue();
            if (pick < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("no weights");
    }

    /** A survey id of the usual form (128 bits, base64url), the same for the same name. */
    static String surveyId(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest(name), 16));
    }

    private static long seed(String name) {
        return ByteBuffer.wrap(digest(name)).getLong();
    }

    private static byte[] digest(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("ratelink-sample/" + name).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
