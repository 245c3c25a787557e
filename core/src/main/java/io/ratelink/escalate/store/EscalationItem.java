package io.ratelink.escalate.store;

import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.LowRating;
import io.ratelink.survey.Scale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.ratelink.storage.Attributes.instant;
import static io.ratelink.storage.Attributes.millis;
import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.number;
import static io.ratelink.storage.Attributes.optionalInstant;
import static io.ratelink.storage.Attributes.optionalNumber;
import static io.ratelink.storage.Attributes.optionalText;
import static io.ratelink.storage.Attributes.s;
import static io.ratelink.storage.Attributes.text;

/** The one place that knows how an {@link Escalation} is laid out as an item of the escalations table. */
public final class EscalationItem {

    public static final String SURVEY_ID = "sid";
    public static final String MAIL_KEY = "mailKey";
    public static final String STATUS = "status";
    public static final String SCALE = "scale";
    public static final String SCORE = "score";
    public static final String TICKET_ID = "ticketId";
    public static final String AGENT_ID = "agentId";
    public static final String TEAM_ID = "teamId";
    public static final String SURVEY_LOCALE = "surveyLocale";
    public static final String COMMENT = "comment";
    public static final String RATED_AT = "ratedAt";
    public static final String RATING_VERSION = "ratingVersion";
    public static final String ESCALATED_SCORE = "escalatedScore";
    public static final String HELD_BACK = "heldBack";
    public static final String MESSAGE_ID = "messageId";
    public static final String IN_REPLY_TO = "inReplyTo";
    public static final String ATTEMPTS = "attempts";
    public static final String LAST_ERROR = "lastError";
    public static final String RECIPIENT = "recipient";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String SENT_AT = "sentAt";
    public static final String CLAIMED_UNTIL = "claimedUntil";
    /** Epoch second after which DynamoDB's TTL removes a sent escalation; failed ones have none and stay. */
    public static final String PURGE_AT = "purgeAt";

    /** The index that lists escalations by status, most recently updated first. */
    public static final String BY_STATUS_INDEX = "byStatus";

    private EscalationItem() {
    }

    public static Map<String, AttributeValue> key(EscalationId id) {
        return Map.of(SURVEY_ID, s(id.surveyId()), MAIL_KEY, s(id.mailKey()));
    }

    public static Map<String, AttributeValue> toItem(Escalation escalation, Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>(key(escalation.id()));
        item.put(STATUS, s(escalation.status().attributeValue()));
        LowRating rating = escalation.rating();
        item.put(SCALE, s(rating.scale().name()));
        item.put(SCORE, n(rating.score()));
        item.put(TICKET_ID, s(rating.ticketId()));
        item.put(AGENT_ID, s(rating.agentId()));
        item.put(TEAM_ID, s(rating.teamId()));
        item.put(SURVEY_LOCALE, s(rating.surveyLocale()));
        rating.comment().ifPresent(comment -> item.put(COMMENT, s(comment)));
        item.put(RATED_AT, millis(rating.ratedAt()));
        item.put(RATING_VERSION, n(escalation.ratingVersion()));
        escalation.escalatedScore().ifPresent(score -> item.put(ESCALATED_SCORE, n(score)));
        item.put(HELD_BACK, n(escalation.heldBack()));
        item.put(MESSAGE_ID, s(escalation.messageId()));
        escalation.inReplyTo().ifPresent(parent -> item.put(IN_REPLY_TO, s(parent)));
        item.put(ATTEMPTS, n(escalation.attempts()));
        escalation.lastError().ifPresent(error -> item.put(LAST_ERROR, s(error)));
        escalation.recipient().ifPresent(address -> item.put(RECIPIENT, s(address)));
        item.put(CREATED_AT, millis(escalation.createdAt()));
        item.put(UPDATED_AT, millis(escalation.updatedAt()));
        escalation.sentAt().ifPresent(at -> {
            item.put(SENT_AT, millis(at));
            item.put(PURGE_AT, n(at.plus(retention).getEpochSecond()));
        });
        escalation.claimedUntil().ifPresent(until -> item.put(CLAIMED_UNTIL, millis(until)));
        return item;
    }

    public static Escalation toEscalation(Map<String, AttributeValue> item) {
        EscalationId id = EscalationId.fromKeys(text(item, SURVEY_ID), text(item, MAIL_KEY))
                .orElseThrow(() -> new IllegalArgumentException("not an escalation's key: " + item.get(MAIL_KEY)));
        LowRating rating = new LowRating(id.surveyId(), Scale.valueOf(text(item, SCALE)), (int) number(item, SCORE),
                text(item, TICKET_ID), text(item, AGENT_ID), text(item, TEAM_ID), text(item, SURVEY_LOCALE),
                optionalText(item, COMMENT), instant(item, RATED_AT));
        return new Escalation(id, EscalationStatus.fromAttribute(text(item, STATUS)), rating,
                optionalNumber(item, RATING_VERSION).orElse(0L),
                optionalNumber(item, ESCALATED_SCORE).map(Long::intValue),
                optionalNumber(item, HELD_BACK).orElse(0L).intValue(), text(item, MESSAGE_ID),
                optionalText(item, IN_REPLY_TO), (int) number(item, ATTEMPTS), optionalText(item, LAST_ERROR),
                optionalText(item, RECIPIENT), instant(item, CREATED_AT), instant(item, UPDATED_AT),
                optionalInstant(item, SENT_AT), optionalInstant(item, CLAIMED_UNTIL));
    }
}
