package io.ratelink.escalate;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ratelink.escalate.Attributes.millis;
import static io.ratelink.escalate.Attributes.n;
import static io.ratelink.escalate.Attributes.namesIn;
import static io.ratelink.escalate.Attributes.s;
import static io.ratelink.escalate.EscalationItem.*;

/**
 * The escalations table: one item per escalation email. Every change is a conditional write, so that of any number
 * of invocations handling the same stream record, exactly one claims the email and sends it.
 */
public class EscalationStore {

    private static final String NEW_ONLY = "attribute_not_exists(#sid)";
    private static final String STILL_SENDING = "#status = :sending";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public EscalationStore(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    /** The outcome of trying to become the one invocation that sends an email. */
    public sealed interface Claim {
        /** This caller sends it. */
        record Ours(Escalation escalation) implements Claim {
        }

        /** It was there already: sent, failed, or being sent by another invocation whose claim has not run out. */
        record Taken(Escalation existing) implements Claim {
        }

        /** There is no such escalation. */
        record Missing() implements Claim {
        }
    }

    /** A page of escalations, most recently updated first, and where the next page starts. */
    public record Page(List<Escalation> escalations, Optional<String> next) {
    }

    /**
     * Records a new escalation as being sent by the caller, unless it exists. One that exists is taken over only when
     * its send was claimed by an invocation that has since died (its claim ran out).
     */
    public Claim claimNew(Escalation fresh, Instant now) {
        try {
            dynamo.putItem(request -> request.tableName(table)
                    .item(toItem(fresh, retention))
                    .conditionExpression(NEW_ONLY)
                    .expressionAttributeNames(namesIn(NEW_ONLY))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Ours(fresh);
        } catch (ConditionalCheckFailedException exists) {
            Escalation existing = toEscalation(exists.item());
            if (existing.isAbandonedAt(now)) {
                return takeOver(existing, now, fresh.claimedUntil().orElseThrow());
            }
            return new Claim.Taken(existing);
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table did not take the escalation", e);
        }
    }

    /** Claims a failed escalation, or one whose send was abandoned, to send it again. */
    public Claim claimForReplay(EscalationId id, Instant now, Instant claimUntil) {
        String condition = "#status = :failed OR (#status = :sending AND #claimedUntil <= :now)";
        String update = "SET #status = :sending, #claimedUntil = :until, #updatedAt = :now";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":failed", s(EscalationStatus.FAILED.attributeValue()));
        values.put(":sending", s(EscalationStatus.SENDING.attributeValue()));
        values.put(":until", millis(claimUntil));
        values.put(":now", millis(now));
        try {
            return new Claim.Ours(toEscalation(dynamo.updateItem(update(id, update, condition, values)).attributes()));
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> old = refused.item();
            return old == null || old.isEmpty() ? new Claim.Missing() : new Claim.Taken(toEscalation(old));
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not claim the escalation", e);
        }
    }

    public Optional<Escalation> find(EscalationId id) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table).key(key(id))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toEscalation(item));
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not be read", e);
        }
    }

    /** The survey's most recent escalation (not follow-up) that started at or before the rating's version. */
    public Optional<Escalation> latestEpisode(String surveyId, long atOrBeforeVersion) {
        String condition = "#sid = :sid AND #mailKey BETWEEN :first AND :last";
        try {
            QueryResponse response = dynamo.query(request -> request.tableName(table)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(namesIn(condition))
                    .expressionAttributeValues(Map.of(
                            ":sid", s(surveyId),
                            ":first", s(EscalationId.mailKey(EscalationKind.ESCALATION, 0)),
                            ":last", s(EscalationId.mailKey(EscalationKind.ESCALATION, atOrBeforeVersion))))
                    .scanIndexForward(false)
                    .limit(1)
                    .consistentRead(true));
            return response.items().stream().findFirst().map(EscalationItem::toEscalation);
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not be queried", e);
        }
    }

    /** Marks a claimed escalation sent; a sent escalation expires with the configured retention. */
    public Escalation markSent(Escalation claimed, String recipient, int attempts, Instant now) {
        String update = "SET #status = :sent, #sentAt = :now, #updatedAt = :now, #attempts = :attempts, "
                + "#recipient = :recipient, #purgeAt = :purgeAt REMOVE #claimedUntil, #lastError";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sent", s(EscalationStatus.SENT.attributeValue()));
        values.put(":sending", s(EscalationStatus.SENDING.attributeValue()));
        values.put(":now", millis(now));
        values.put(":attempts", n(attempts));
        values.put(":recipient", s(recipient));
        values.put(":purgeAt", n(now.plus(retention).getEpochSecond()));
        return settle(claimed, update, values);
    }

    /** Marks a claimed escalation failed: it stays, without expiry, until it is replayed. */
    public Escalation markFailed(Escalation claimed, Optional<String> recipient, int attempts, String error, Instant now) {
        String update = "SET #status = :failed, #updatedAt = :now, #attempts = :attempts, #lastError = :error"
                + recipient.map(address -> ", #recipient = :recipient").orElse("") + " REMOVE #claimedUntil, #purgeAt";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":failed", s(EscalationStatus.FAILED.attributeValue()));
        values.put(":sending", s(EscalationStatus.SENDING.attributeValue()));
        values.put(":now", millis(now));
        values.put(":attempts", n(attempts));
        values.put(":error", s(error));
        recipient.ifPresent(address -> values.put(":recipient", s(address)));
        return settle(claimed, update, values);
    }

    /**
     * Gives up the caller's claim on a send it could not finish (a table out of reach, say), so that the stream's
     * redelivery can take it over at once instead of waiting for the claim to run out.
     */
    public void release(Escalation claimed, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", s(EscalationStatus.SENDING.attributeValue()));
        values.put(":now", millis(now));
        settle(claimed, "SET #claimedUntil = :now, #updatedAt = :now", values);
    }

    /**
     * Escalations with a status, most recently updated first.
     *
     * @param after where the page starts: a previous page's {@link Page#next()}
     * @throws IllegalArgumentException when {@code after} is not a cursor this store wrote
     */
    public Page list(EscalationStatus status, int limit, Optional<String> after) {
        String condition = "#status = :status";
        Optional<Map<String, AttributeValue>> start = after.map(EscalationStore::decodeCursor);
        try {
            QueryResponse response = dynamo.query(request -> {
                request.tableName(table).indexName(BY_STATUS_INDEX)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(namesIn(condition))
                        .expressionAttributeValues(Map.of(":status", s(status.attributeValue())))
                        .scanIndexForward(false)
                        .limit(limit);
                start.ifPresent(request::exclusiveStartKey);
            });
            List<Escalation> page = response.items().stream().map(EscalationItem::toEscalation).toList();
            Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(encodeCursor(response.lastEvaluatedKey())) : Optional.empty();
            return new Page(page, next);
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not be listed", e);
        }
    }

    private Claim takeOver(Escalation abandoned, Instant now, Instant claimUntil) {
        String condition = "#status = :sending AND #claimedUntil = :seenUntil";
        String update = "SET #claimedUntil = :until, #updatedAt = :now";
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", s(EscalationStatus.SENDING.attributeValue()));
        values.put(":seenUntil", millis(abandoned.claimedUntil().orElse(Instant.EPOCH)));
        values.put(":until", millis(claimUntil));
        values.put(":now", millis(now));
        try {
            return new Claim.Ours(toEscalation(dynamo.updateItem(update(abandoned.id(), update, condition, values)).attributes()));
        } catch (ConditionalCheckFailedException changed) {
            Map<String, AttributeValue> old = changed.item();
            return old == null || old.isEmpty() ? new Claim.Missing() : new Claim.Taken(toEscalation(old));
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not hand over an abandoned send", e);
        }
    }

    /** Ends a send; when another invocation ended it first (it took over an expired claim), what it wrote stays. */
    private Escalation settle(Escalation claimed, String update, Map<String, AttributeValue> values) {
        try {
            return toEscalation(dynamo.updateItem(update(claimed.id(), update, STILL_SENDING, values)).attributes());
        } catch (ConditionalCheckFailedException settledElsewhere) {
            Map<String, AttributeValue> old = settledElsewhere.item();
            return old == null || old.isEmpty() ? claimed : toEscalation(old);
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table did not take the outcome of a send", e);
        }
    }

    private UpdateItemRequest update(EscalationId id, String update, String condition, Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key(id))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(namesIn(update, condition))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    private static String encodeCursor(Map<String, AttributeValue> lastKey) {
        String written = lastKey.get(UPDATED_AT).n() + "\n" + lastKey.get(SURVEY_ID).s() + "\n" + lastKey.get(MAIL_KEY).s()
                + "\n" + lastKey.get(STATUS).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(written.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 4 || EscalationId.fromKeys(parts[1], parts[2]).isEmpty()) {
                throw new IllegalArgumentException("not a cursor of this list");
            }
            return Map.of(UPDATED_AT, n(Long.parseLong(parts[0])), SURVEY_ID, s(parts[1]), MAIL_KEY, s(parts[2]),
                    STATUS, s(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor of this list", e);
        }
    }

    /** The escalations table could not be reached; whatever was being done did not happen. */
    public static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
