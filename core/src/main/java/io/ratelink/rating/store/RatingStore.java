package io.ratelink.rating.store;

import io.ratelink.rating.Answer;
import io.ratelink.rating.Click;
import io.ratelink.rating.Premise;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.Ruling;
import io.ratelink.rating.SurveyConflict;
import io.ratelink.rating.Verdict;
import io.ratelink.storage.ConditionalUpdate;
import io.ratelink.storage.StoreUnavailable;
import io.ratelink.survey.SurveyClaims;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import io.ratelink.storage.BatchRetry;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import io.ratelink.storage.Tables;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.ratelink.rating.store.RatingItem.*;
import static io.ratelink.storage.Attributes.*;

/**
 * Records answers in the ratings table. An answer is one conditional {@code UpdateItem} and no read: the
 * item is created or updated in place, the click appended to its log, and the new item returned.
 *
 * <p>The status the answer is saved with comes from a {@link Ruling}: a verdict made from the request alone, on a
 * premise about the stored survey that the write's condition checks ({@link Premise}). The condition also refuses
 * a full click log (the log keeps the last {@value #CLICK_LOG_LIMIT} clicks) and a survey id already stored with
 * other claims. Only when it refuses, with the old item that the refusal returns, the ruling decides again from the
 * stored survey and a second write, conditional on the version it saw, stores that verdict with the log trimmed to
 * its newest entries — or nothing is written, when the verdict is to leave the stored rating as it is.
 */
public class RatingStore {

    public static final int CLICK_LOG_LIMIT = 16;
    /**
     * The most queries one page of a listing sends: a listing over a long range of days with few ratings, or with a
     * filter few of them pass, returns a shorter page (even an empty one) and a cursor, instead of running on.
     */
    public static final int QUERIES_PER_PAGE = 32;
    /**
     * How many ratings a filtered query reads at least: a filter is applied after the read, so reading only as many
     * as the page still needs would take one query per rating on a day full of others.
     */
    private static final int FILTERED_READ = 100;
    private static final int CONCURRENT_WRITE_ATTEMPTS = 3;
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public RatingStore(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    /**
     * What became of an answer.
     *
     * @param rating the item as it stands after the write, or as stored when nothing was written
     * @param saved  whether the answer was written; false when the ruling left the stored rating as it was
     */
    public record Recording(Rating rating, boolean saved) {
    }

    /** Records the answer as the ruling says: one write when its premise holds. */
    public Recording record(Answer answer, Ruling ruling) {
        try {
            return new Recording(recordAppending(answer, ruling), true);
        } catch (ConditionalCheckFailedException refused) {
            return recordAfterRefusal(answer, ruling, refused);
        } catch (SdkException e) {
            throw new StoreUnavailable("the ratings table did not take the answer", e);
        }
    }

    /** Records the answer with this status whatever is stored: for loading data and for benchmarks. */
    public Rating record(Answer answer, RatingStatus status) {
        return record(answer, Ruling.fixed(status)).rating();
    }

    /** Which of these surveys are stored: for loading data, one consistent batch read per hundred surveys. */
    public Set<String> stored(Collection<String> surveyIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(surveyIds));
        Set<String> stored = new HashSet<>();
        try {
            for (int from = 0; from < distinct.size(); from += BATCH_GET_LIMIT) {
                List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(),
                        from + BATCH_GET_LIMIT)).stream().map(RatingItem::key).toList();
                Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                        .projectionExpression(SURVEY_ID).consistentRead(true).build());
                for (int attempt = 0; !request.isEmpty(); attempt++) {
                    BatchRetry.beforeAttempt(attempt, "reading surveys");
                    Map<String, KeysAndAttributes> ask = request;
                    BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                    response.responses().getOrDefault(table, List.of())
                            .forEach(item -> stored.add(item.get(SURVEY_ID).s()));
                    request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                }
            }
        } catch (SdkException e) {
            throw new StoreUnavailable("the ratings table could not be read", e);
        }
        return stored;
    }

    public Optional<Rating> find(String surveyId) {
        try {
            var item = dynamo.getItem(GetItemRequest.builder().tableName(table).key(key(surveyId))
                    .consistentRead(true).build()).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRating(item));
        } catch (SdkException e) {
            throw new StoreUnavailable("the ratings table could not be read", e);
        }
    }

    /**
     * Lists ratings by change time through the change-time index, one day's partition after another, newest
     * first. A page stops at {@code limit} ratings, or after {@value #QUERIES_PER_PAGE} queries; its cursor resumes
     * exactly after the last rating it returned, or the last one it read.
     *
     * @throws IllegalArgumentException for a cursor this store did not write, or one of a listing over another range
     */
    public RatingPage query(RatingQuery query) {
        ChangeCursor position = query.cursor().map(cursor -> ChangeCursor.decode(cursor, query.from(), query.to()))
                .orElse(new ChangeCursor(LocalDate.parse(changeDay(query.to())), Map.of()));
        LocalDate firstDay = LocalDate.parse(changeDay(query.from()));
        List<Rating> found = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String filter = filter(query, names, values);
        values.put(":from", millis(query.from()));
        values.put(":to", millis(query.to()));
        names.putAll(namesIn("#changeDay = :day AND #changedAt BETWEEN :from AND :to"));
        int queries = 0;
        try {
            while (!position.day().isBefore(firstDay) && found.size() < query.limit() && queries++ < QUERIES_PER_PAGE) {
                values.put(":day", s(position.day().toString()));
                int wanted = query.limit() - found.size();
                QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(Tables.BY_CHANGE)
                        .keyConditionExpression("#changeDay = :day AND #changedAt BETWEEN :from AND :to")
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .scanIndexForward(false).limit(filter.isEmpty() ? wanted : Math.max(wanted, FILTERED_READ));
                if (!filter.isEmpty()) {
                    request.filterExpression(filter);
                }
                if (!position.lastKey().isEmpty()) {
                    request.exclusiveStartKey(position.lastKey());
                }
                QueryResponse page = dynamo.query(request.build());
                List<Map<String, AttributeValue>> items = page.items();
                if (items.size() > wanted) {
                    items = items.subList(0, wanted);
                    items.forEach(item -> found.add(toRating(item)));
                    position = new ChangeCursor(position.day(), indexKeyOf(items.get(wanted - 1)));
                    break;
                }
                items.forEach(item -> found.add(toRating(item)));
                position = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? new ChangeCursor(position.day(), page.lastEvaluatedKey())
                        : new ChangeCursor(position.day().minusDays(1), Map.of());
            }
        } catch (SdkException e) {
            throw new StoreUnavailable("the ratings table could not be queried", e);
        }
        boolean more = !position.day().isBefore(firstDay);
        return new RatingPage(List.copyOf(found), more ? Optional.of(position.encode()) : Optional.empty());
    }

    /** Where a query of the change-time index resumes after this item: its key in the index. */
    private static Map<String, AttributeValue> indexKeyOf(Map<String, AttributeValue> item) {
        return Map.of(SURVEY_ID, item.get(SURVEY_ID), CHANGE_DAY, item.get(CHANGE_DAY), CHANGED_AT, item.get(CHANGED_AT));
    }

    private static String filter(RatingQuery query, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> conditions = new ArrayList<>();
        query.agentId().ifPresent(agent -> {
            conditions.add("#agentId = :agentId");
            values.put(":agentId", s(agent));
        });
        query.teamId().ifPresent(team -> {
            conditions.add("#teamId = :teamId");
            values.put(":teamId", s(team));
        });
        query.scale().ifPresent(scale -> {
            conditions.add("#scale = :scale");
            values.put(":scale", s(scale.name()));
        });
        query.low().ifPresent(low -> {
            conditions.add("#low = :low");
            values.put(":low", AttributeValue.fromBool(low));
        });
        if (!query.statuses().containsAll(EnumSet.allOf(RatingStatus.class))) {
            List<String> listed = new ArrayList<>();
            for (RatingStatus status : query.statuses()) {
                listed.add(":status" + status.ordinal());
                values.put(":status" + status.ordinal(), s(status.attributeValue()));
            }
            conditions.add("#status IN (" + String.join(", ", listed) + ")");
        }
        String filter = String.join(" AND ", conditions);
        names.putAll(namesIn(filter));
        return filter;
    }

    private Rating recordAppending(Answer answer, Ruling ruling) {
        Write write = appending(answer, ruling);
        write.values.put(":maxClicks", n(CLICK_LOG_LIMIT));
        String condition = "attribute_not_exists(#sid) OR (" + sameSurvey(answer.claims()) + " AND size(#clicks) < :maxClicks"
                + premise(ruling.premise(), write.values) + ")";
        return toRating(dynamo.updateItem(write.request(condition)).attributes());
    }

    private Write appending(Answer answer, Ruling ruling) {
        Write write = new Write(answer, ruling.verdictIfPremiseHolds());
        write.set(CLICKS, "list_append(if_not_exists(#clicks, :noClicks), :click)");
        write.values.put(":noClicks", AttributeValue.fromL(List.of()));
        write.values.put(":click", clickLog(List.of(answer.click())));
        return write;
    }

    /**
     * Sends the write that would record {@code answer}, whole, on a condition no item meets: nothing is written, and
     * building, signing and sending the request and reading its refusal have all run once. What a function primes its
     * click path with before a snapshot.
     */
    public void rehearse(Answer answer) {
        try {
            dynamo.updateItem(appending(answer, Ruling.fixed(RatingStatus.COUNTED))
                    .request("attribute_not_exists(#sid) AND attribute_exists(#sid)"));
            throw new IllegalStateException("a write on a condition no item meets was taken");
        } catch (ConditionalCheckFailedException refusedAsAlways) {
            // the refusal is the point: nothing was written
        } catch (SdkException e) {
            throw new StoreUnavailable("the ratings table could not be reached", e);
        }
    }

    /** The premise as a further condition on a stored survey ({@code AND …}), its values added to {@code values}. */
    private static String premise(Premise premise, Map<String, AttributeValue> values) {
        return premise.match(new Premise.Cases<>() {
            @Override
            public String anything() {
                return "";
            }

            @Override
            public String nothingCounted() {
                values.put(":counted", s(RatingStatus.COUNTED.attributeValue()));
                return " AND #status <> :counted";
            }

            @Override
            public String noBurst(Premise.NoBurst quiet) {
                values.put(":counted", s(RatingStatus.COUNTED.attributeValue()));
                values.put(":burstFrom", millis(quiet.windowFrom()));
                values.put(":correctionFrom", millis(quiet.correctionFrom()));
                values.put(":burstScore", n(quiet.score()));
                return " AND (attribute_not_exists(#linkClickAt) OR #linkClickAt <= :burstFrom"
                        + " OR (#status = :counted AND (#linkScore = :burstScore OR #linkClickAt <= :correctionFrom)))";
            }
        });
    }

    private Recording recordAfterRefusal(Answer answer, Ruling ruling, ConditionalCheckFailedException refused) {
        for (int attempt = 0; attempt < CONCURRENT_WRITE_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> old = refused.item();
            if (old == null || old.isEmpty()) {
                throw new StoreUnavailable("the ratings table refused the answer without saying why", refused);
            }
            if (!sameClaims(old, answer.claims())) {
                throw new SurveyConflict(answer.claims().surveyId());
            }
            Rating stored = toRating(old);
            Verdict verdict = ruling.verdictOn(stored);
            if (!(verdict instanceof Verdict.Save save)) {
                return new Recording(stored, false);
            }
            List<Click> log = new ArrayList<>(stored.clicks());
            log.add(answer.click());
            List<Click> newest = log.subList(Math.max(0, log.size() - CLICK_LOG_LIMIT), log.size());
            Write write = new Write(answer, save);
            write.set(CLICKS, ":trimmedClicks");
            write.values.put(":trimmedClicks", clickLog(newest));
            write.values.put(":seenVersion", old.get(VERSION));
            try {
                return new Recording(toRating(dynamo.updateItem(write.request("#version = :seenVersion")).attributes()),
                        true);
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                refused = changedMeanwhile;
            } catch (SdkException e) {
                throw new StoreUnavailable("the ratings table did not take the answer", e);
            }
        }
        throw new StoreUnavailable("the survey kept changing while the answer was recorded", refused);
    }

    /**
     * The condition that the stored survey has every claim of this answer's link: a survey id reused with another
     * ticket, agent, team, customer, language, scale, expiry or minting time is another survey, and refused. Its
     * values are the ones {@link Write} sets. A survey whose links carry no {@code iat} was stored with its expiry
     * in its place before {@code iat} became optional.
     */
    private static String sameSurvey(SurveyClaims claims) {
        return "#agentId = :agentId AND #scale = :scale AND #ticketId = :ticketId AND #teamId = :teamId"
                + " AND #customerRef = :customerRef AND #locale = :locale AND #expiresAt = :expiresAt"
                + (claims.issuedAt().isPresent() ? " AND #issuedAt = :issuedAt"
                        : " AND (attribute_not_exists(#issuedAt) OR #issuedAt = :expiresAt)");
    }

    /** {@link #sameSurvey}, on an item the store returned. */
    private static boolean sameClaims(Map<String, AttributeValue> item, SurveyClaims claims) {
        Optional<Long> issuedAt = Optional.ofNullable(item.get(ISSUED_AT)).map(value -> Long.parseLong(value.n()));
        long expiresAt = Long.parseLong(item.get(EXPIRES_AT).n());
        return claims.agentId().equals(item.get(AGENT_ID).s())
                && claims.scale().name().equals(item.get(SCALE).s())
                && claims.ticketId().equals(item.get(TICKET_ID).s())
                && claims.teamId().equals(item.get(TEAM_ID).s())
                && claims.customerRef().equals(item.get(CUSTOMER_REF).s())
                && claims.locale().equals(item.get(LOCALE).s())
                && claims.expiresAt().toEpochMilli() == expiresAt
                && claims.issuedAt().map(Instant::toEpochMilli)
                        .map(issued -> issuedAt.equals(Optional.of(issued)))
                        .orElseGet(() -> issuedAt.isEmpty() || issuedAt.get() == expiresAt);
    }

    /**
     * The attributes every answer sets; the click log is added by the caller. A click in the email becomes the
     * survey's latest link click; an answer counted on the page is a confirmation, and clears it.
     */
    private final class Write {
        final List<String> sets = new ArrayList<>();
        final List<String> removals = new ArrayList<>();
        final Map<String, AttributeValue> values = new HashMap<>();
        final Answer answer;

        Write(Answer answer, Verdict.Save verdict) {
            this.answer = answer;
            SurveyClaims claims = answer.claims();
            var at = answer.click().at();
            put(SCORE, n(answer.score()));
            put(LOW, AttributeValue.fromBool(claims.scale().isLow(answer.score())));
            put(STATUS, s(verdict.status().attributeValue()));
            verdict.reason().ifPresentOrElse(reason -> put(STATUS_REASON, s(reason)), () -> removals.add(STATUS_REASON));
            if (answer.click().isLinkClick()) {
                put(LINK_CLICK_AT, millis(at));
                put(LINK_SCORE, n(answer.score()));
            } else if (verdict.status() == RatingStatus.COUNTED) {
                removals.add(LINK_CLICK_AT);
                removals.add(LINK_SCORE);
            }
            put(SCALE, s(claims.scale().name()));
            put(LOCALE, s(claims.locale()));
            put(TICKET_ID, s(claims.ticketId()));
            put(AGENT_ID, s(claims.agentId()));
            put(TEAM_ID, s(claims.teamId()));
            put(CUSTOMER_REF, s(claims.customerRef()));
            claims.issuedAt().ifPresentOrElse(issued -> put(ISSUED_AT, millis(issued)), () -> removals.add(ISSUED_AT));
            put(EXPIRES_AT, millis(claims.expiresAt()));
            put(LAST_CLICK_AT, millis(at));
            put(CHANGED_AT, millis(at));
            put(CHANGE_DAY, s(changeDay(at)));
            put(PURGE_AT, n(at.plus(retention).getEpochSecond()));
            set(FIRST_CLICK_AT, "if_not_exists(#firstClickAt, :lastClickAt)");
            answer.comment().ifPresent(comment -> {
                put(COMMENT, s(comment));
                put(COMMENT_AT, millis(at));
            });
        }

        void put(String attribute, AttributeValue value) {
            sets.add("#" + attribute + " = :" + attribute);
            values.put(":" + attribute, value);
        }

        void set(String attribute, String expression) {
            sets.add("#" + attribute + " = " + expression);
        }

        UpdateItemRequest request(String condition) {
            values.put(":one", n(1));
            String update = "SET " + String.join(", ", sets)
                    + (removals.isEmpty() ? "" : " REMOVE " + removals.stream().map(name -> "#" + name)
                            .collect(Collectors.joining(", ")))
                    + " ADD #version :one";
            return ConditionalUpdate.of(table, key(answer.claims().surveyId()), update, condition, values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build();
        }
    }
}
