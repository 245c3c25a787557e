package io.ratelink.rating.store;

import io.ratelink.rating.Click;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.storage.Attributes;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ratelink.storage.Attributes.instant;
import static io.ratelink.storage.Attributes.millis;
import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.optionalText;
import static io.ratelink.storage.Attributes.s;

/** The one place that knows how a {@link Rating} is laid out as a DynamoDB item in the ratings table. */
public final class RatingItem {

    public static final String SURVEY_ID = "sid";
    public static final String SCALE = "scale";
    public static final String SCORE = "score";
    public static final String COUNTED_SCORE = "countedScore";
    /** The version of the rating whose score {@link #COUNTED_SCORE} is; written by the recompute with it. */
    public static final String COUNTED_VERSION = "countedVersion";
    public static final String VERSION = "version";
    public static final String LOW = "low";
    public static final String STATUS = "status";
    public static final String STATUS_REASON = "statusReason";
    public static final String LOCALE = "locale";
    public static final String TICKET_ID = "ticketId";
    public static final String AGENT_ID = "agentId";
    public static final String TEAM_ID = "teamId";
    public static final String CUSTOMER_REF = "customerRef";
    public static final String ISSUED_AT = "issuedAt";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String FIRST_CLICK_AT = "firstClickAt";
    public static final String LAST_CLICK_AT = "lastClickAt";
    public static final String CHANGED_AT = "changedAt";
    public static final String CHANGE_DAY = "changeDay";
    public static final String COMMENT = "comment";
    public static final String COMMENT_AT = "commentAt";
    public static final String CLICKS = "clicks";
    public static final String PURGE_AT = "purgeAt";
    /**
     * The latest click in the email since the last confirmation on the page: when it came and which option it chose.
     * Only the write's own condition reads them (the burst rule, without a read); a confirmation removes them.
     */
    public static final String LINK_CLICK_AT = "linkClickAt";
    public static final String LINK_SCORE = "linkScore";

    private static final String CLICK_AT = "at";
    private static final String CLICK_SCORE = "s";
    private static final String CLICK_CLIENT = "c";
    private static final String CLICK_METHOD = "m";

    private RatingItem() {
    }

    public static Map<String, AttributeValue> key(String surveyId) {
        return Map.of(SURVEY_ID, s(surveyId));
    }

    public static Rating toRating(Map<String, AttributeValue> item) {
        return new Rating(
                item.get(SURVEY_ID).s(),
                Scale.valueOf(item.get(SCALE).s()),
                integer(item, SCORE),
                Optional.ofNullable(item.get(COUNTED_SCORE)).filter(v -> v.n() != null).map(v -> Integer.parseInt(v.n())),
                Long.parseLong(item.get(VERSION).n()),
                Boolean.TRUE.equals(item.get(LOW).bool()),
                RatingStatus.fromAttribute(item.get(STATUS).s()),
                optionalText(item, STATUS_REASON),
                new SurveyContext(
                        item.get(LOCALE).s(),
                        item.get(TICKET_ID).s(),
                        item.get(AGENT_ID).s(),
                        item.get(TEAM_ID).s(),
                        item.get(CUSTOMER_REF).s(),
                        Optional.ofNullable(item.get(ISSUED_AT)).map(Attributes::instant)),
                instant(item.get(EXPIRES_AT)),
                instant(item.get(FIRST_CLICK_AT)),
                instant(item.get(LAST_CLICK_AT)),
                instant(item.get(CHANGED_AT)),
                optionalText(item, COMMENT),
                Optional.ofNullable(item.get(COMMENT_AT)).map(Attributes::instant),
                clicks(item.get(CLICKS)));
    }

    /**
     * The whole item of a rating, as the click path leaves it: for loading many ratings at once (benchmarks,
     * imports). {@code countedVersion} is left out; the recompute writes it.
     *
     * @param purgeAt when DynamoDB's time-to-live may remove the item
     */
    public static Map<String, AttributeValue> toItem(Rating rating, Instant purgeAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(SURVEY_ID, s(rating.surveyId()));
        item.put(SCALE, s(rating.scale().name()));
        item.put(SCORE, n(rating.score()));
        rating.countedScore().ifPresent(counted -> item.put(COUNTED_SCORE, n(counted)));
        item.put(VERSION, n(rating.version()));
        item.put(LOW, AttributeValue.fromBool(rating.low()));
        item.put(STATUS, s(rating.status().attributeValue()));
        rating.statusReason().ifPresent(reason -> item.put(STATUS_REASON, s(reason)));
        item.put(LOCALE, s(rating.locale()));
        item.put(TICKET_ID, s(rating.ticketId()));
        item.put(AGENT_ID, s(rating.agentId()));
        item.put(TEAM_ID, s(rating.teamId()));
        item.put(CUSTOMER_REF, s(rating.customerRef()));
        rating.issuedAt().ifPresent(issued -> item.put(ISSUED_AT, millis(issued)));
        item.put(EXPIRES_AT, millis(rating.expiresAt()));
        item.put(FIRST_CLICK_AT, millis(rating.firstClickAt()));
        item.put(LAST_CLICK_AT, millis(rating.lastClickAt()));
        item.put(CHANGED_AT, millis(rating.changedAt()));
        item.put(CHANGE_DAY, s(changeDay(rating.changedAt())));
        rating.comment().ifPresent(comment -> item.put(COMMENT, s(comment)));
        rating.commentAt().ifPresent(at -> item.put(COMMENT_AT, millis(at)));
        item.put(CLICKS, clickLog(rating.clicks()));
        item.put(PURGE_AT, n(purgeAt.getEpochSecond()));
        return item;
    }

    public static AttributeValue click(Click click) {
        return AttributeValue.fromM(Map.of(
                CLICK_AT, n(click.at().toEpochMilli()),
                CLICK_SCORE, n(click.score()),
                CLICK_CLIENT, s(click.client().name()),
                CLICK_METHOD, s(click.method())));
    }

    public static AttributeValue clickLog(List<Click> clicks) {
        return AttributeValue.fromL(clicks.stream().map(RatingItem::click).toList());
    }

    public static List<Click> clicks(AttributeValue log) {
        if (log == null || !log.hasL()) {
            return List.of();
        }
        List<Click> clicks = new ArrayList<>(log.l().size());
        for (AttributeValue entry : log.l()) {
            Map<String, AttributeValue> m = entry.m();
            clicks.add(new Click(instant(m.get(CLICK_AT)), Integer.parseInt(m.get(CLICK_SCORE).n()),
                    ClientKind.valueOf(m.get(CLICK_CLIENT).s()), m.get(CLICK_METHOD).s()));
        }
        return List.copyOf(clicks);
    }

    /** The day a change is filed under in the change-time index. */
    public static String changeDay(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static int integer(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }
}
