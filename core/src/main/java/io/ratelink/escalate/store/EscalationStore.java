package io.ratelink.escalate.store;

import io.ratelink.storage.ConditionalUpdate;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ratelink.storage.Attributes.millis;
import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.namesIn;
import static io.ratelink.storage.Attributes.optionalNumber;
import static io.ratelink.storage.Attributes.s;
import static io.ratelink.escalate.store.EscalationItem.*;

/**
 * The escalations table: one item per escalation email. Every change is a conditional write, so that of any number
 * of invocations handling the same stream record, exactly one claims the email and sends it.
 */
public class EscalationStore {

    private static final String NEW_ONLY = "attribute_not_exists(#sid)";

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

    /** A place in a manager's hourly allowance: granted (with what was held back before it), or none left. */
    public record Slot(boolean granted, int heldBefore) {
    }

    /** Records a new email as claimed by the caller, unless an email with its id exists. */
    public Claim claimNew(Escalation fresh) {
        try {
            dynamo.putItem(request -> request.tableName(table)
                    .item(toItem(fresh, retention))
                    .conditionExpression(NEW_ONLY)
                    .expressionAttributeNames(namesIn(NEW_ONLY))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .overrideConfiguration(StoreOperation.CLAIM.tag()));
            return new Claim.Ours(fresh);
        } catch (ConditionalCheckFailedException exists) {
            return new Claim.Taken(toEscalation(exists.item()));
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table did not take the escalation", e);
        }
    }

    /** Takes over a claim whose invocation let it go or died before handing the email to the SMTP server. */
    public Claim takeOver(Escalation abandoned, Instant now, Instant claimUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":until", millis(claimUntil));
        values.put(":now", millis(now));
        return claimIf(abandoned.id(), StoreOperation.TAKE_OVER, fenced(abandoned, values),
                "SET #claimedUntil = :until, #updatedAt = :now", values);
    }

    /** Claims an email a person asked to send again: one that failed, was held back, or whose outcome is unknown. */
    public Claim claimForReplay(EscalationId id, Instant now, Instant claimUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":failed", s(EscalationStatus.FAILED.attributeValue()));
        values.put(":unknown", s(EscalationStatus.UNKNOWN.attributeValue()));
        values.put(":held", s(EscalationStatus.HELD.attributeValue()));
        values.put(":claimed", s(EscalationStatus.CLAIMED.attributeValue()));
        values.put(":until", millis(claimUntil));
        values.put(":now", millis(now));
        return claimIf(id, StoreOperation.CLAIM_FOR_REPLAY, "#status IN (:failed, :unknown, :held)",
                "SET #status = :claimed, #claimedUntil = :until, #updatedAt = :now", values);
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

    /** Every email of a survey's thread, in the order of the thread. */
    public List<Escalation> thread(String surveyId) {
        String condition = "#sid = :sid";
        try {
            QueryResponse response = dynamo.query(request -> request.tableName(table)
                    .keyConditionExpression(condition)
                    .expressionAttributeNames(namesIn(condition))
                    .expressionAttributeValues(Map.of(":sid", s(surveyId)))
                    .consistentRead(true));
            return response.items().stream().map(EscalationItem::toEscalation)
                    .sorted(Comparator.comparingLong(escalation -> escalation.id().position()))
                    .toList();
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not be queried", e);
        }
    }

    /** Marks a claimed email as handed to the SMTP server: from here on, a sender that dies leaves its outcome unknown. */
    public Escalation startSending(Escalation claimed, String recipient, int heldBack, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", s(EscalationStatus.SENDING.attributeValue()));
        values.put(":recipient", s(recipient));
        values.put(":heldBack", n(heldBack));
        values.put(":now", millis(now));
        return transition(claimed, StoreOperation.START_SENDING,
                "SET #status = :sending, #recipient = :recipient, #heldBack = :heldBack, #updatedAt = :now", values);
    }

    /** Marks an email the SMTP server accepted as sent; a sent email expires with the configured retention. */
    public Escalation markSent(Escalation sending, int attempts, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sent", s(EscalationStatus.SENT.attributeValue()));
        values.put(":now", millis(now));
        values.put(":attempts", n(attempts));
        values.put(":purgeAt", n(now.plus(retention).getEpochSecond()));
        return transition(sending, StoreOperation.MARK_SENT, "SET #status = :sent, #sentAt = :now, #updatedAt = :now, "
                + "#attempts = :attempts, #purgeAt = :purgeAt REMOVE #claimedUntil, #lastError", values);
    }

    /** Back to claimed after a try the SMTP server refused, to be tried again by the same claim. */
    public Escalation refused(Escalation sending, int attempts, String error, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":claimed", s(EscalationStatus.CLAIMED.attributeValue()));
        values.put(":now", millis(now));
        values.put(":attempts", n(attempts));
        values.put(":error", s(error));
        return transition(sending, StoreOperation.REFUSED,
                "SET #status = :claimed, #updatedAt = :now, #attempts = :attempts, #lastError = :error", values);
    }

    /** Marks an email failed: it stays, without expiry, until it is replayed. */
    public Escalation markFailed(Escalation inFlight, Optional<String> recipient, int attempts, String error, Instant now) {
        return markKept(inFlight, EscalationStatus.FAILED, StoreOperation.MARK_FAILED, recipient, attempts, error, now);
    }

    /** Marks an email whose delivery nobody can vouch for: it stays, without expiry, until a person replays it. */
    public Escalation markUnknown(Escalation inFlight, int attempts, String error, Instant now) {
        return markKept(inFlight, EscalationStatus.UNKNOWN, StoreOperation.MARK_UNKNOWN, inFlight.recipient(), attempts,
                error, now);
    }

    /** Marks an email held back by the manager's hourly limit: it stays, without expiry, until it is replayed. */
    public Escalation markHeld(Escalation claimed, String recipient, String why, Instant now) {
        return markKept(claimed, EscalationStatus.HELD, StoreOperation.MARK_HELD, Optional.of(recipient),
                claimed.attempts(), why, now);
    }

    /**
     * Gives up the caller's claim on an email it did not hand to the SMTP server (a table out of reach, the
     * invocation's time running out), so that the queue's redelivery can take it over at once.
     */
    public void release(Escalation claimed, int attempts, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":now", millis(now));
        values.put(":attempts", n(attempts));
        transition(claimed, StoreOperation.RELEASE, "SET #claimedUntil = :now, #updatedAt = :now, #attempts = :attempts",
                values);
    }

    /**
     * Takes a place in the manager's allowance for the hour {@code hour} (e.g. {@code 2026-12-03T14}), at most
     * {@code perHour} emails. A granted place resets the count of emails held back, and says how many there were;
     * a refused one adds to it.
     */
    public Slot takeHourlySlot(String address, String hour, int perHour) {
        Map<String, AttributeValue> key = Map.of(SURVEY_ID, s(ManagerAllowance.partition(address)),
                MAIL_KEY, s(ManagerAllowance.SORT_KEY));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":hour", s(hour));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        values.put(":cap", n(perHour));
        String sameHour = "#hour = :hour AND #sentInHour < :cap";
        String newHour = "attribute_not_exists(#hour) OR #hour <> :hour";
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<Map<String, AttributeValue>> before = updateIf(key, "SET #sentInHour = #sentInHour + :one, "
                        + "#heldBack = :zero", sameHour, values);
                if (before.isEmpty()) {
                    before = updateIf(key, "SET #hour = :hour, #sentInHour = :one, #heldBack = :zero", newHour, values);
                }
                if (before.isPresent()) {
                    return new Slot(true, (int) optionalNumber(before.get(), ManagerAllowance.HELD_BACK).orElse(0L).longValue());
                }
                Map<String, AttributeValue> addValues = Map.of(":one", n(1), ":hour", s(hour), ":cap", n(perHour));
                if (updateIf(key, "ADD #heldBack :one", "#hour = :hour AND #sentInHour >= :cap", addValues).isPresent()) {
                    return new Slot(false, 0);
                }
            }
            throw new StoreUnavailable("the manager's hourly allowance kept changing", null);
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not count the manager's emails", e);
        }
    }

    /** The update when the condition holds, returning the item as it was; empty when the condition did not hold. */
    private Optional<Map<String, AttributeValue>> updateIf(Map<String, AttributeValue> key, String update,
            String condition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> used = new HashMap<>();
        values.forEach((name, value) -> {
            if (update.contains(name) || condition.contains(name)) {
                used.put(name, value);
            }
        });
        try {
            Map<String, AttributeValue> old = dynamo.updateItem(request -> request.tableName(table).key(key)
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(used)
                    .returnValues(ReturnValue.ALL_OLD)
                    .overrideConfiguration(StoreOperation.HOURLY_SLOT.tag())).attributes();
            return Optional.of(old == null ? Map.of() : old);
        } catch (ConditionalCheckFailedException notNow) {
            return Optional.empty();
        }
    }

    private Escalation markKept(Escalation inFlight, EscalationStatus status, StoreOperation operation,
            Optional<String> recipient, int attempts, String error, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":kept", s(status.attributeValue()));
        values.put(":now", millis(now));
        values.put(":attempts", n(attempts));
        values.put(":error", s(error));
        recipient.ifPresent(address -> values.put(":recipient", s(address)));
        return transition(inFlight, operation, "SET #status = :kept, #updatedAt = :now, #attempts = :attempts, "
                + "#lastError = :error" + recipient.map(address -> ", #recipient = :recipient").orElse("")
                + " REMOVE #claimedUntil, #purgeAt", values);
    }

    /** The condition that the email is still as the caller last saw it: same status, same claim. */
    private static String fenced(Escalation seen, Map<String, AttributeValue> values) {
        values.put(":seenStatus", s(seen.status().attributeValue()));
        values.put(":seenUntil", millis(seen.claimedUntil().orElse(Instant.EPOCH)));
        return "#status = :seenStatus AND #claimedUntil = :seenUntil";
    }

    private Claim claimIf(EscalationId id, StoreOperation operation, String condition, String update,
            Map<String, AttributeValue> values) {
        try {
            return new Claim.Ours(toEscalation(dynamo.updateItem(update(id, operation, update, condition, values))
                    .attributes()));
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> old = refused.item();
            return old == null || old.isEmpty() ? new Claim.Missing() : new Claim.Taken(toEscalation(old));
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table could not claim the escalation", e);
        }
    }

    /**
     * Moves the caller's email on, if it is still as the caller saw it. When another invocation moved it first (it
     * took over a claim that ran out), what that one wrote stays and is returned.
     */
    private Escalation transition(Escalation seen, StoreOperation operation, String update,
            Map<String, AttributeValue> values) {
        String condition = fenced(seen, values);
        try {
            return toEscalation(dynamo.updateItem(update(seen.id(), operation, update, condition, values)).attributes());
        } catch (ConditionalCheckFailedException movedElsewhere) {
            Map<String, AttributeValue> old = movedElsewhere.item();
            return old == null || old.isEmpty() ? seen : toEscalation(old);
        } catch (SdkException e) {
            throw new StoreUnavailable("the escalations table did not take the escalation's " + operation.label(), e);
        }
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

    private UpdateItemRequest update(EscalationId id, StoreOperation operation, String update, String condition,
            Map<String, AttributeValue> values) {
        return ConditionalUpdate.of(table, key(id), update, condition, values)
                .returnValues(ReturnValue.ALL_NEW)
                .overrideConfiguration(operation.tag())
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
        public StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
