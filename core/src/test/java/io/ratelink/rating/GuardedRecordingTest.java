package io.ratelink.rating;

import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.rating.store.RatingItem;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.storage.Tables;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner guard's rulings stored on DynamoDB Local: what each kind of click costs in requests, and that the
 * write's own condition carries the burst rule, so no click reads first.
 */
class GuardedRecordingTest {

    static final Instant SENT = Instant.parse("2026-11-20T09:00:00Z");
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFE_LINKS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.109 Safari/537.36";
    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String HOME = "203.0.113.24";
    static final String EXCHANGE_ONLINE = "40.107.22.91";

    static final DynamoDbTraffic traffic = new DynamoDbTraffic();
    static DynamoDbClient dynamo;
    static RatingStore store;
    static String table;
    final ScannerGuard guard = ScannerGuard.fromClasspath(ScannerGuardTest.RULES);

    @BeforeAll
    static void createTable() {
        dynamo = LocalDynamo.client(traffic);
        table = LocalDynamo.freshTable(dynamo, Tables.RATINGS);
        store = new RatingStore(dynamo, table, Duration.ofDays(1095));
    }

    @Test
    void aPersonsFirstClickIsOneWriteAndCounts() {
        SurveyClaims survey = survey(Scale.CSAT_5);

        Rating rating = click(survey, 2, BROWSER, HOME, 420);

        assertThat(traffic.operations()).containsExactly("UpdateItem");
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(rating.statusReason()).isEmpty();
    }

    @Test
    void aPersonChangingTheirMindAMinuteLaterIsOneWriteAndCounts() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        click(survey, 2, BROWSER, HOME, 420);

        Rating rating = click(survey, 4, BROWSER, HOME, 480);

        assertThat(traffic.operations()).containsExactly("UpdateItem");
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(rating.score()).isEqualTo(4);
    }

    @Test
    void aDoubleClickOnTheSameLinkIsOneWriteEach() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        click(survey, 5, BROWSER, HOME, 900);

        Rating rating = click(survey, 5, BROWSER, HOME, 900.3);

        assertThat(traffic.operations()).containsExactly("UpdateItem");
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
    }

    @Test
    void eachClickOfAnOldChromeSweepFromExchangeOnlineIsOneWriteAndHeld() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        Rating rating = null;
        for (int option = 1; option <= 5; option++) {
            rating = click(survey, option, SAFE_LINKS, EXCHANGE_ONLINE, 43 + option * 0.3);
            assertThat(traffic.operations()).as("option %d", option).containsExactly("UpdateItem");
        }

        assertThat(rating.status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(rating.statusReason()).contains("old-browser (Chrome/ <100); "
                + "mail-filter-network (40.107.0.0/16 Microsoft Exchange Online Protection); soon-after-sending (45 s)");
        assertThat(rating.clicks()).extracting(Click::client).containsOnly(ClientKind.OLD_BROWSER);
    }

    @Test
    void aSweepThatLooksLikeAPersonIsHeldFromItsSecondClickByTheWritesOwnCondition() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        click(survey, 1, BROWSER, HOME, 600);

        Rating second = click(survey, 2, BROWSER, HOME, 600.4);

        assertThat(traffic.operations()).as("the refused write returns the survey; the second stores the hold, no read")
                .containsExactly("UpdateItem", "UpdateItem");
        assertThat(second.status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(second.statusReason()).contains("burst (options 1, 2 within 0.4 s)");

        Rating third = click(survey, 3, BROWSER, HOME, 600.8);

        assertThat(third.statusReason()).contains("burst (options 1, 2, 3 within 0.8 s)");
    }

    @Test
    void aPersonCorrectingAMisclickFiveSecondsLaterIsOneWriteAndStaysCounted() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        click(survey, 1, PHONE, HOME, 1500);

        Rating corrected = click(survey, 2, PHONE, HOME, 1505);

        assertThat(traffic.operations()).as("the write's own condition tells a correction from a burst").containsExactly("UpdateItem");
        assertThat(corrected.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(corrected.statusReason()).isEmpty();
        assertThat(corrected.score()).isEqualTo(2);
    }

    @Test
    void aCorrectionOnAFullClickLogIsRuledTheSameFromTheStoredClicks() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        for (int i = 0; i < RatingStore.CLICK_LOG_LIMIT; i++) {
            click(survey, 1, PHONE, HOME, 1500 + i);
        }

        Rating corrected = click(survey, 2, PHONE, HOME, 1500 + RatingStore.CLICK_LOG_LIMIT - 1 + 4);

        assertThat(traffic.operations()).as("refused for the full log, then stored from the refusal").containsExactly("UpdateItem", "UpdateItem");
        assertThat(corrected.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(corrected.score()).isEqualTo(2);
        assertThat(corrected.clicks()).hasSize(RatingStore.CLICK_LOG_LIMIT);
    }

    @Test
    void aPersonsClickInsideTheWindowOfAPersonLookingSweepStaysHeld() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        for (int option = 1; option <= 5; option++) {
            click(survey, option, BROWSER, HOME, 600 + (option - 1) * 0.3);
        }

        Rating rating = click(survey, 4, PHONE, HOME, 605);

        assertThat(traffic.operations()).containsExactly("UpdateItem", "UpdateItem");
        assertThat(rating.status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(rating.statusReason()).contains("burst (options 1, 2, 3, 4, 5 within 5.0 s)");
    }

    @Test
    void aPersonsClickAfterTheSweepWinsWithOneWrite() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        for (int option = 1; option <= 5; option++) {
            click(survey, option, SAFE_LINKS, EXCHANGE_ONLINE, 43 + option * 0.3);
        }

        Rating rating = click(survey, 2, BROWSER, HOME, 190);

        assertThat(traffic.operations()).containsExactly("UpdateItem");
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(rating.statusReason()).isEmpty();
        assertThat(rating.score()).isEqualTo(2);
    }

    @Test
    void aHeldClickOnACountedRatingIsRefusedAndLeavesItAsItWas() {
        SurveyClaims survey = survey(Scale.CSAT_5);
        Rating counted = click(survey, 4, BROWSER, HOME, 1800);

        RatingStore.Recording recording = record(survey, 1, "MicrosoftPreview/2.0 (+https://aka.ms/MicrosoftPreview)", HOME, 1900);

        assertThat(traffic.operations()).as("one refused conditional write, nothing else").containsExactly("UpdateItem");
        assertThat(recording.saved()).isFalse();
        assertThat(recording.rating()).isEqualTo(counted);
        assertThat(store.find(survey.surveyId())).contains(counted);
    }

    @Test
    void aConfirmationOnThePageCountsAHeldRatingWithOneWrite() {
        SurveyClaims survey = survey(Scale.CSAT_3);
        Rating held = click(survey, 1, BROWSER, EXCHANGE_ONLINE, 45);
        assertThat(held.status()).isEqualTo(RatingStatus.SUSPECT);

        Instant at = SENT.plusSeconds(70);
        var signals = guard.signals(ClickRequest.post(BROWSER, EXCHANGE_ONLINE), Optional.of(SENT), at);
        traffic.clear();
        Rating confirmed = store.record(Answer.onPage(survey, 1, signals.client(), at, Optional.empty()),
                guard.ruling(signals, new Click(at, 1, signals.client(), "POST"))).rating();

        assertThat(traffic.operations()).containsExactly("UpdateItem");
        assertThat(confirmed.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(confirmed.statusReason()).isEmpty();
        assertThat(item(survey)).doesNotContainKeys(RatingItem.LINK_CLICK_AT, RatingItem.LINK_SCORE);
    }

    @Test
    void theWriteKeepsTheLatestLinkClickForItsOwnCondition() {
        SurveyClaims survey = survey(Scale.NPS);

        click(survey, 8, BROWSER, HOME, 3600);

        assertThat(item(survey)).containsEntry(RatingItem.LINK_CLICK_AT, AttributeValue.fromN(
                Long.toString(SENT.plusSeconds(3600).toEpochMilli()))).containsEntry(RatingItem.LINK_SCORE, AttributeValue.fromN("8"));
    }

    private Rating click(SurveyClaims survey, int option, String userAgent, String address, double secondsAfterSending) {
        return record(survey, option, userAgent, address, secondsAfterSending).rating();
    }

    private RatingStore.Recording record(SurveyClaims survey, int option, String userAgent, String address,
            double secondsAfterSending) {
        Instant at = SENT.plusMillis(Math.round(secondsAfterSending * 1000));
        var signals = guard.signals(ClickRequest.get(userAgent, address), Optional.of(SENT), at);
        Answer answer = Answer.click(survey.withScore(option), signals.client(), at);
        traffic.clear();
        return store.record(answer, guard.ruling(signals, answer.click()));
    }

    private static Map<String, AttributeValue> item(SurveyClaims survey) {
        return dynamo.getItem(r -> r.tableName(table).key(RatingItem.key(survey.surveyId())).consistentRead(true)).item();
    }

    private static SurveyClaims survey(Scale scale) {
        return new SurveyClaims(SurveyIds.next(), scale.min(), scale, "en", "T-" + System.nanoTime(), "agent-g", "team-g",
                "cust-g", SENT, SENT.plus(Duration.ofDays(30)));
    }
}
