package io.ratelink.rating;

import io.ratelink.survey.SurveyClaims;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import io.ratelink.storage.Tables;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.ratelink.rating.RatingItem.*;

/**
 * Records answers in the ratings table. An answer is one conditional {@code UpdateItem} and no read: the
 * item is created or updated in place, the click appended to its log, and the new item returned.
 *
 * <p>The click log keeps the last {@value #CLICK_LOG_LIMIT} clicks. The write's condition refuses a full
 * log; only then, with the old item that the refusal returns, a second write replaces the log by its
 * newest entries. The condition also refuses a survey id already stored with other claims.
 */
public class RatingStore {

    public static final int CLICK_LOG_LIMIT = 16;
    private static final int CONCURRENT_TRIM_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public RatingStore(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    public Rating record(Answer answer, RatingStatus status) {
        try {
            return recordAppending(answer, status);
        } catch (ConditionalCheckFailedException refused) {
            return recordAfterRefusal(answer, status, refused);
        } catch (SdkException e) {
            throw new StoreUnavailable("the ratings table did not take the answer", e);
        }
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
     * first. A page stops at {@code limit} ratings; its cursor resumes exactly after the last one returned.
     *
     * @throws IllegalArgumentException for a cursor this store did not write
     */
    public RatingPage query(RatingQuery query) {
        ChangeCursor position = query.cursor().map(ChangeCursor::decode)
                .orElse(new ChangeCursor(LocalDate.parse(changeDay(query.to())), Map.of()));
        LocalDate firstDay = LocalDate.parse(changeDay(query.from()));
        List<Rating> found = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String filter = filter(query, names, values);
        values.put(":from", millis(query.from()));
        values.put(":to", millis(query.to()));
        names.putAll(namesIn("#changeDay = :day AND #changedAt BETWEEN :from AND :to"));
        try {
            while (!position.day().isBefore(firstDay) && found.size() < query.limit()) {
                values.put(":day", s(position.day().toString()));
                QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(Tables.BY_CHANGE)
                        .keyConditionExpression("#changeDay = :day AND #changedAt BETWEEN :from AND :to")
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .scanIndexForward(false).limit(query.limit() - found.size());
                if (!filter.isEmpty()) {
                    request.filterExpression(filter);
                }
                if (!position.lastKey().isEmpty()) {
                    request.exclusiveStartKey(position.lastKey());
                }
                QueryResponse page = dynamo.query(request.build());
                page.items().forEach(item -> found.add(toRating(item)));
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
        String filter = String.join(" AND ", conditions);
        names.putAll(namesIn(filter));
        return filter;
    }

    private Rating recordAppending(Answer answer, RatingStatus status) {
        Write write = new Write(answer, status);
        write.set(CLICKS, "list_append(if_not_exists(#clicks, :noClicks), :click)");
        write.values.put(":noClicks", AttributeValue.fromL(List.of()));
        write.values.put(":click", clickLog(List.of(answer.click())));
        write.values.put(":maxClicks", n(CLICK_LOG_LIMIT));
        String condition = "attribute_not_exists(#sid) OR (" + sameSurvey() + " AND size(#clicks) < :maxClicks)";
        return toRating(dynamo.updateItem(write.request(condition)).attributes());
    }

    private Rating recordAfterRefusal(Answer answer, RatingStatus status, ConditionalCheckFailedException refused) {
        for (int attempt = 0; attempt < CONCURRENT_TRIM_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> old = refused.item();
            if (old == null || old.isEmpty()) {
                throw new StoreUnavailable("the ratings table refused the answer without saying why", refused);
            }
            if (!sameClaims(old, answer.claims())) {
                throw new SurveyConflict(answer.claims().surveyId());
            }
            List<Click> log = new ArrayList<>(clicks(old.get(CLICKS)));
            log.add(answer.click());
            List<Click> newest = log.subList(Math.max(0, log.size() - CLICK_LOG_LIMIT), log.size());
            Write write = new Write(answer, status);
            write.set(CLICKS, ":trimmedClicks");
            write.values.put(":trimmedClicks", clickLog(newest));
            write.values.put(":seenVersion", old.get(VERSION));
            try {
                return toRating(dynamo.updateItem(write.request("#version = :seenVersion")).attributes());
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                refused = changedMeanwhile;
            } catch (SdkException e) {
                throw new StoreUnavailable("the ratings table did not take the answer", e);
            }
        }
        throw new StoreUnavailable("the survey kept changing while its click log was trimmed", refused);
    }

    private static String sameSurvey() {
        return "#agentId = :agentId AND #scale = :scale AND #ticketId = :ticketId";
    }

    private static boolean sameClaims(Map<String, AttributeValue> item, SurveyClaims claims) {
        return claims.agentId().equals(item.get(AGENT_ID).s())
                && claims.scale().name().equals(item.get(SCALE).s())
                && claims.ticketId().equals(item.get(TICKET_ID).s());
    }

    /** The attributes every answer sets; the click log is added by the caller. */
    private final class Write {
        final List<String> sets = new ArrayList<>();
        final Map<String, AttributeValue> values = new HashMap<>();
        final Answer answer;

        Write(Answer answer, RatingStatus status) {
            this.answer = answer;
            SurveyClaims claims = answer.claims();
            var at = answer.click().at();
            put(SCORE, n(answer.score()));
            put(LOW, AttributeValue.fromBool(claims.scale().isLow(answer.score())));
            put(STATUS, s(status.attributeValue()));
            put(SCALE, s(claims.scale().name()));
            put(LOCALE, s(claims.locale()));
            put(TICKET_ID, s(claims.ticketId()));
            put(AGENT_ID, s(claims.agentId()));
            put(TEAM_ID, s(claims.teamId()));
            put(CUSTOMER_REF, s(claims.customerRef()));
            put(ISSUED_AT, millis(claims.issuedAt()));
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
            String update = "SET " + String.join(", ", sets) + " ADD #version :one";
            return UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(answer.claims().surveyId()))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(namesIn(update, condition))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build();
        }
    }
}
