package io.ratelink.testing;

import io.ratelink.rating.Click;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Rating} for tests that name only what matters to them, e.g.
 * {@code aRating().scale(CSAT_5).score(2).suspect().build()}: a counted first click an hour after the survey was
 * sent, low when its scale says the score is low.
 */
public final class RatingBuilder {

    public static final Instant ISSUED = Instant.parse("2025-11-20T09:00:00Z");

    private String surveyId = "survey-1";
    private Scale scale = Scale.CSAT_5;
    private int score = 5;
    private Optional<Integer> countedScore = Optional.empty();
    private long version = 1;
    private Boolean low;
    private RatingStatus status = RatingStatus.COUNTED;
    private Optional<String> statusReason = Optional.empty();
    private String locale = "en";
    private String ticketId = "T-1";
    private String agentId = "agent-1";
    private String teamId = "team-1";
    private String customerRef = "cust-1";
    private Optional<Instant> issuedAt = Optional.of(ISSUED);
    private Instant expiresAt = ISSUED.plus(Duration.ofDays(30));
    private Instant firstClickAt = ISSUED.plus(Duration.ofHours(1));
    private Instant lastClickAt = firstClickAt;
    private Instant changedAt = firstClickAt;
    private Optional<String> comment = Optional.empty();
    private Optional<Instant> commentAt = Optional.empty();
    private List<Click> clicks = List.of();

    private RatingBuilder() {
    }

    public static RatingBuilder aRating() {
        return new RatingBuilder();
    }

    /** A copy of {@code rating} to change a few things of. */
    public static RatingBuilder from(Rating rating) {
        RatingBuilder b = new RatingBuilder();
        b.surveyId = rating.surveyId();
        b.scale = rating.scale();
        b.score = rating.score();
        b.countedScore = rating.countedScore();
        b.version = rating.version();
        b.low = rating.low();
        b.status = rating.status();
        b.statusReason = rating.statusReason();
        b.locale = rating.locale();
        b.ticketId = rating.ticketId();
        b.agentId = rating.agentId();
        b.teamId = rating.teamId();
        b.customerRef = rating.customerRef();
        b.issuedAt = rating.issuedAt();
        b.expiresAt = rating.expiresAt();
        b.firstClickAt = rating.firstClickAt();
        b.lastClickAt = rating.lastClickAt();
        b.changedAt = rating.changedAt();
        b.comment = rating.comment();
        b.commentAt = rating.commentAt();
        b.clicks = rating.clicks();
        return b;
    }

    public RatingBuilder surveyId(String surveyId) {
        this.surveyId = surveyId;
        return this;
    }

    public RatingBuilder scale(Scale scale) {
        this.scale = scale;
        return this;
    }

    public RatingBuilder score(int score) {
        this.score = score;
        return this;
    }

    public RatingBuilder countedScore(int countedScore) {
        this.countedScore = Optional.of(countedScore);
        return this;
    }

    public RatingBuilder version(long version) {
        this.version = version;
        return this;
    }

    /** Low whatever the scale says of the score. */
    public RatingBuilder low() {
        this.low = true;
        return this;
    }

    public RatingBuilder status(RatingStatus status) {
        this.status = status;
        return this;
    }

    /** Held as suspect: counted nowhere until a person confirms. */
    public RatingBuilder suspect() {
        return status(RatingStatus.SUSPECT);
    }

    public RatingBuilder ticketId(String ticketId) {
        this.ticketId = ticketId;
        return this;
    }

    public RatingBuilder agentId(String agentId) {
        this.agentId = agentId;
        return this;
    }

    public RatingBuilder teamId(String teamId) {
        this.teamId = teamId;
        return this;
    }

    public RatingBuilder customerRef(String customerRef) {
        this.customerRef = customerRef;
        return this;
    }

    public RatingBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = Optional.of(issuedAt);
        return this;
    }

    public RatingBuilder expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    /** The first click at {@code at}, and the last click and change there too unless set after. */
    public RatingBuilder firstClickAt(Instant at) {
        this.firstClickAt = at;
        this.lastClickAt = at;
        this.changedAt = at;
        return this;
    }

    /** The last click at {@code at}, and the last change there too. */
    public RatingBuilder lastClickAt(Instant at) {
        this.lastClickAt = at;
        this.changedAt = at;
        return this;
    }

    public RatingBuilder comment(String comment, Instant at) {
        this.comment = Optional.of(comment);
        this.commentAt = Optional.of(at);
        return this;
    }

    public RatingBuilder clicks(List<Click> clicks) {
        this.clicks = List.copyOf(clicks);
        return this;
    }

    public Rating build() {
        return new Rating(surveyId, scale, score, countedScore, version, low != null ? low : scale.isLow(score), status,
                statusReason, new SurveyContext(locale, ticketId, agentId, teamId, customerRef, issuedAt), expiresAt,
                firstClickAt, lastClickAt, changedAt, comment, commentAt, clicks);
    }
}
