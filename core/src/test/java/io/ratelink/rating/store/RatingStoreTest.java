package io.ratelink.rating.store;

import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.rating.Answer;
import io.ratelink.rating.Click;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.SurveyConflict;
import io.ratelink.storage.Tables;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingStoreTest {

    static final Instant SENT = Instant.parse("2026-11-20T09:00:00Z");
    static final DynamoDbTraffic traffic = new DynamoDbTraffic();
    static DynamoDbClient dynamo;
    static RatingStore store;

    @BeforeAll
    static void createTable() {
        dynamo = LocalDynamo.client(traffic);
        store = new RatingStore(dynamo, LocalDynamo.freshTable(dynamo, Tables.RATINGS), Duration.ofDays(1095));
    }

    static SurveyClaims survey(Scale scale, int score, String agent, String team) {
        return new SurveyClaims(SurveyIds.next(), score, scale, "en", "T-" + System.nanoTime(), agent, team, "cust-1",
                SENT, SENT.plus(Duration.ofDays(30)));
    }

    @Test
    void aClickIsExactlyOneUpdateItemAndNoRead() {
        SurveyClaims claims = survey(Scale.CSAT_5, 2, "agent-1", "team-1");
        traffic.clear();

        store.record(Answer.click(claims, ClientKind.BROWSER, SENT.plusSeconds(300)), RatingStatus.COUNTED);

        assertThat(traffic.operations()).containsExactly("UpdateItem");
    }

    @Test
    void aRehearsedClickSendsTheClickWriteAndWritesNothingWhetherOrNotTheSurveyIsStored() {
        SurveyClaims stored = survey(Scale.CSAT_5, 4, "agent-1", "team-1");
        Rating before = store.record(Answer.click(stored, ClientKind.BROWSER, SENT.plusSeconds(60)), RatingStatus.COUNTED);
        SurveyClaims absent = survey(Scale.NPS, 9, "agent-1", "team-1");
        traffic.clear();

        store.rehearse(Answer.click(stored.withScore(1), ClientKind.BROWSER, SENT.plusSeconds(120)));
        store.rehearse(Answer.click(absent, ClientKind.BROWSER, SENT.plusSeconds(120)));

        assertThat(traffic.operations()).containsExactly("UpdateItem", "UpdateItem");
        assertThat(store.find(stored.surveyId())).contains(before);
        assertThat(store.find(absent.surveyId())).isEmpty();
    }

    @Test
    void storedNamesTheSurveysOfAListThatAreStoredReadingInBatchesOfAHundred() {
        List<SurveyClaims> clicked = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            SurveyClaims claims = survey(Scale.CSAT_5, 4, "agent-1", "team-1");
            store.record(Answer.click(claims, ClientKind.BROWSER, SENT.plusSeconds(300)), RatingStatus.COUNTED);
            clicked.add(claims);
        }
        List<String> asked = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
            asked.add(SurveyIds.next());
        }
        clicked.forEach(claims -> asked.add(70, claims.surveyId()));
        traffic.clear();

        assertThat(store.stored(asked)).containsExactlyInAnyOrderElementsOf(
                clicked.stream().map(SurveyClaims::surveyId).toList());
        assertThat(traffic.operations()).containsExactly("BatchGetItem", "BatchGetItem");
    }

    @Test
    void theFirstClickStoresTheClaimsScoreLowFlagAndClickLog() {
        SurveyClaims claims = survey(Scale.CSAT_5, 2, "agent-1", "team-1");
        Instant at = SENT.plusSeconds(300);

        Rating rating = store.record(Answer.click(claims, ClientKind.BROWSER, at), RatingStatus.COUNTED);

        assertThat(rating.surveyId()).isEqualTo(claims.surveyId());
        assertThat(rating.score()).isEqualTo(2);
        assertThat(rating.low()).isTrue();
        assertThat(rating.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(rating.version()).isEqualTo(1);
        assertThat(rating.countedScore()).isEmpty();
        assertThat(rating.agentId()).isEqualTo("agent-1");
        assertThat(rating.teamId()).isEqualTo("team-1");
        assertThat(rating.ticketId()).isEqualTo(claims.ticketId());
        assertThat(rating.firstClickAt()).isEqualTo(at);
        assertThat(rating.clicks()).containsExactly(new Click(at, 2, ClientKind.BROWSER, "GET"));
        assertThat(store.find(claims.surveyId())).contains(rating);
    }

    @Test
    void theLastClickWinsAndEveryClickIsKept() {
        SurveyClaims claims = survey(Scale.NPS, 3, "agent-2", "team-1");
        Instant first = SENT.plusSeconds(60);
        Instant second = first.plusSeconds(45);
        store.record(Answer.click(claims, ClientKind.BROWSER, first), RatingStatus.COUNTED);

        Rating changed = store.record(Answer.click(claims.withScore(9), ClientKind.BROWSER, second), RatingStatus.COUNTED);

        assertThat(changed.score()).isEqualTo(9);
        assertThat(changed.low()).isFalse();
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.firstClickAt()).isEqualTo(first);
        assertThat(changed.lastClickAt()).isEqualTo(second);
        assertThat(changed.clicks()).extracting(Click::score).containsExactly(3, 9);
    }

    @Test
    void aCommentFromThePageIsStoredWithTheAnswerAsTyped() {
        SurveyClaims claims = survey(Scale.CSAT_3, 1, "agent-3", "team-2");
        store.record(Answer.click(claims, ClientKind.BROWSER, SENT.plusSeconds(10)), RatingStatus.COUNTED);
        String comment = "<b>Nobody</b> called back & the ticket was closed.\nTwice.";

        Rating rating = store.record(Answer.onPage(claims, 1, ClientKind.BROWSER, SENT.plusSeconds(40), Optional.of(comment)),
                RatingStatus.COUNTED);

        assertThat(rating.comment()).contains(comment);
        assertThat(rating.commentAt()).contains(SENT.plusSeconds(40));
        assertThat(rating.clicks()).extracting(Click::method).containsExactly("GET", "POST");
    }

    @Test
    void theClickLogKeepsTheNewestClicksOnceFull() {
        SurveyClaims claims = survey(Scale.CES_7, 4, "agent-4", "team-2");
        for (int i = 0; i < RatingStore.CLICK_LOG_LIMIT; i++) {
            store.record(Answer.click(claims, ClientKind.BROWSER, SENT.plusSeconds(i)), RatingStatus.COUNTED);
        }
        traffic.clear();

        Rating rating = store.record(Answer.click(claims.withScore(7), ClientKind.BROWSER, SENT.plusSeconds(100)),
                RatingStatus.COUNTED);

        assertThat(rating.clicks()).hasSize(RatingStore.CLICK_LOG_LIMIT);
        assertThat(rating.clicks().get(RatingStore.CLICK_LOG_LIMIT - 1).at()).isEqualTo(SENT.plusSeconds(100));
        assertThat(rating.clicks().get(0).at()).isEqualTo(SENT.plusSeconds(1));
        assertThat(rating.score()).isEqualTo(7);
        assertThat(rating.version()).isEqualTo(RatingStore.CLICK_LOG_LIMIT + 1);
        assertThat(traffic.operations()).as("a full log costs the refused write and the trimming one, still no read")
                .containsExactly("UpdateItem", "UpdateItem");
    }

    @Test
    void aSurveyIdStoredWithOtherClaimsIsRefusedAndLeftAlone() {
        SurveyClaims original = survey(Scale.CSAT_5, 5, "agent-5", "team-3");
        store.record(Answer.click(original, ClientKind.BROWSER, SENT), RatingStatus.COUNTED);
        SurveyClaims clash = new SurveyClaims(original.surveyId(), 1, Scale.CSAT_5, "en", "T-other", "agent-9", "team-3",
                "cust-2", SENT, SENT.plus(Duration.ofDays(30)));

        assertThatThrownBy(() -> store.record(Answer.click(clash, ClientKind.BROWSER, SENT.plusSeconds(5)), RatingStatus.COUNTED))
                .isInstanceOf(SurveyConflict.class);
        assertThat(store.find(original.surveyId()).orElseThrow().score()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherClaimsOfTheSameSurveyId")
    void aSurveyIdReusedWithAnyOtherClaimIsRefusedOnBothWritePaths(String differs, SurveyClaims original, SurveyClaims reused) {
        store.record(Answer.click(original, ClientKind.BROWSER, SENT), RatingStatus.COUNTED);

        assertThatThrownBy(() -> store.record(Answer.click(reused, ClientKind.BROWSER, SENT.plusSeconds(5)), RatingStatus.COUNTED))
                .as("the first write's condition").isInstanceOf(SurveyConflict.class);
        for (int i = 1; i < RatingStore.CLICK_LOG_LIMIT; i++) {
            store.record(Answer.click(original, ClientKind.BROWSER, SENT.plusSeconds(10 + i)), RatingStatus.COUNTED);
        }
        assertThatThrownBy(() -> store.record(Answer.click(reused, ClientKind.BROWSER, SENT.plusSeconds(60)), RatingStatus.COUNTED))
                .as("the write after a refusal for a full log").isInstanceOf(SurveyConflict.class);
        Rating stored = store.find(original.surveyId()).orElseThrow();
        assertThat(List.of(stored.teamId(), stored.customerRef(), stored.locale(), stored.expiresAt(), stored.issuedAt()))
                .isEqualTo(List.of(original.teamId(), original.customerRef(), original.locale(), original.expiresAt(),
                        original.issuedAt()));
    }

    static Stream<Arguments> otherClaimsOfTheSameSurveyId() {
        return Stream.of(
                reused("team", c -> with(c, "team-4", c.customerRef(), c.locale(), c.issuedAt(), c.expiresAt())),
                reused("customer", c -> with(c, c.teamId(), "cust-other", c.locale(), c.issuedAt(), c.expiresAt())),
                reused("language", c -> with(c, c.teamId(), c.customerRef(), "ro", c.issuedAt(), c.expiresAt())),
                reused("expiry", c -> with(c, c.teamId(), c.customerRef(), c.locale(), c.issuedAt(), c.expiresAt().plusSeconds(1))),
                reused("minting time", c -> with(c, c.teamId(), c.customerRef(), c.locale(), Optional.of(SENT.plusSeconds(1)), c.expiresAt())),
                reused("no minting time", c -> with(c, c.teamId(), c.customerRef(), c.locale(), Optional.empty(), c.expiresAt())));
    }

    private static Arguments reused(String differs, UnaryOperator<SurveyClaims> change) {
        SurveyClaims original = survey(Scale.CSAT_5, 2, "agent-5", "team-3");
        return Arguments.of(differs, original, change.apply(original.withScore(1)));
    }

    @Test
    void aLinkWithoutIatIsStoredWithoutAMintingTimeAndItsClicksKeepCounting() {
        SurveyClaims minted = survey(Scale.THUMBS, 1, "agent-6", "team-6");
        SurveyClaims elsewhere = new SurveyClaims(minted.surveyId(), 1, Scale.THUMBS, "en", minted.ticketId(), "agent-6",
                "team-6", minted.customerRef(), Optional.empty(), minted.expiresAt());

        store.record(Answer.click(elsewhere, ClientKind.BROWSER, SENT.plusSeconds(60)), RatingStatus.COUNTED);
        Rating again = store.record(Answer.click(elsewhere.withScore(0), ClientKind.BROWSER, SENT.plusSeconds(120)),
                RatingStatus.COUNTED);

        assertThat(again.issuedAt()).isEmpty();
        assertThat(again.score()).isZero();
    }

    private static SurveyClaims with(SurveyClaims claims, String team, String customerRef, String locale,
            Optional<Instant> issuedAt, Instant expiresAt) {
        return new SurveyClaims(claims.surveyId(), claims.score(), claims.scale(), locale, claims.ticketId(),
                claims.agentId(), team, customerRef, issuedAt, expiresAt);
    }

    @Test
    void listingFiltersByAgentScaleAndLowAndPagesWithoutLosingOrRepeating() {
        String agent = "agent-list-" + System.nanoTime();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SurveyClaims claims = survey(Scale.CSAT_5, i % 2 == 0 ? 1 : 5, agent, "team-list");
            store.record(Answer.click(claims, ClientKind.BROWSER, SENT.plus(Duration.ofHours(i * 13L))), RatingStatus.COUNTED);
            if (i % 2 == 0) {
                expected.add(0, claims.surveyId());
            }
        }
        store.record(Answer.click(survey(Scale.NPS, 0, agent, "team-list"), ClientKind.BROWSER, SENT), RatingStatus.COUNTED);

        List<String> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RatingPage page = store.query(new RatingQuery(Optional.of(agent), Optional.empty(), Optional.of(Scale.CSAT_5),
                    SENT.minus(Duration.ofDays(1)), SENT.plus(Duration.ofDays(5)), Optional.of(true), Set.of(RatingStatus.COUNTED),
                    3, cursor));
            page.ratings().forEach(r -> listed.add(r.surveyId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 20);

        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void aCursorOutsideTheListingsRangeIsRefusedBeforeAnyRead() {
        traffic.clear();

        assertThatThrownBy(() -> store.query(listing(SENT, SENT.plus(Duration.ofDays(30)), cursor("{\"d\":\"+999999999-12-31\"}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from..to");
        assertThatThrownBy(() -> store.query(listing(SENT, SENT.plus(Duration.ofDays(30)), cursor("{\"d\":\"2026-11-19\"}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from..to");
        assertThat(traffic.operations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"d\":\"2026-11-21\",\"sid\":\"\",\"at\":\"1795251600000\"}",
            "{\"d\":\"2026-11-21\",\"sid\":\"q2mP1o4nR0S6xk5T-ZBv7w\",\"at\":\"soon\"}",
            "{\"d\":\"2026-11-21\",\"sid\":\"q2mP1o4nR0S6xk5T-ZBv7w\"}",
            "{\"d\":\"2026-11-21\",\"sid\":\"q2mP1o4nR0S6xk5T-ZBv7w\",\"at\":\"1795338000000\"}",
            "{\"d\":\"2026-11-21\",\"agentId\":\"a-1\"}",
            "{\"d\":{\"y\":2026}}",
            "[]" })
    void aCursorWithAMalformedKeyIsRefusedAndNeverReachesTheDatabase(String json) {
        traffic.clear();

        assertThatThrownBy(() -> store.query(listing(SENT, SENT.plus(Duration.ofDays(30)), cursor(json))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        assertThat(traffic.operations()).isEmpty();
    }

    @Test
    void aListingOverAYearOfEmptyDaysIsPagedWithABoundedNumberOfQueries() {
        String agent = "agent-sparse-" + System.nanoTime();
        Instant from = Instant.parse("2031-01-01T00:00:00Z");
        Instant to = Instant.parse("2031-12-31T23:59:59Z");
        SurveyClaims newest = survey(Scale.CSAT_5, 4, agent, "team-sparse");
        SurveyClaims oldest = survey(Scale.CSAT_5, 2, agent, "team-sparse");
        store.record(Answer.click(newest, ClientKind.BROWSER, Instant.parse("2031-12-30T10:00:00Z")), RatingStatus.COUNTED);
        store.record(Answer.click(oldest, ClientKind.BROWSER, Instant.parse("2031-01-02T10:00:00Z")), RatingStatus.COUNTED);

        List<String> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            traffic.clear();
            RatingPage page = store.query(new RatingQuery(Optional.of(agent), Optional.empty(), Optional.empty(), from, to,
                    Optional.empty(), Set.of(RatingStatus.COUNTED), 100, cursor));
            assertThat(traffic.operations()).hasSizeLessThanOrEqualTo(RatingStore.QUERIES_PER_PAGE);
            page.ratings().forEach(rating -> listed.add(rating.surveyId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 100);

        assertThat(listed).containsExactly(newest.surveyId(), oldest.surveyId());
        assertThat(pages).isEqualTo((365 + RatingStore.QUERIES_PER_PAGE - 1) / RatingStore.QUERIES_PER_PAGE);
    }

    @Test
    void aFilteredListingOnADayFullOfOtherRatingsPagesWithoutLosingOrRepeatingAndWithFewQueries() {
        String agent = "agent-busy-" + System.nanoTime();
        Instant day = Instant.parse("2032-03-03T00:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            boolean ours = i % 30 == 7;
            SurveyClaims claims = survey(Scale.CSAT_5, 3, ours ? agent : "agent-other", "team-busy");
            store.record(Answer.click(claims, ClientKind.BROWSER, day.plusSeconds(60L * i)), RatingStatus.COUNTED);
            if (ours) {
                expected.add(0, claims.surveyId());
            }
        }

        List<String> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int queries = 0;
        do {
            traffic.clear();
            RatingPage page = store.query(new RatingQuery(Optional.of(agent), Optional.empty(), Optional.empty(), day,
                    day.plus(Duration.ofHours(23)), Optional.empty(), Set.of(RatingStatus.COUNTED), 2, cursor));
            queries += traffic.operations().size();
            page.ratings().forEach(rating -> listed.add(rating.surveyId()));
            cursor = page.nextCursor();
        } while (cursor.isPresent() && queries < 100);

        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(queries).as("queries for 150 ratings read, 5 of them listed two by two").isLessThanOrEqualTo(6);
    }

    private static RatingQuery listing(Instant from, Instant to, String cursor) {
        return new RatingQuery(Optional.empty(), Optional.empty(), Optional.empty(), from, to, Optional.empty(),
                Set.of(RatingStatus.COUNTED), 10, Optional.of(cursor));
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorThatWasNotIssuedIsRefused() {
        assertThatThrownBy(() -> store.query(new RatingQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                SENT, SENT.plusSeconds(10), Optional.empty(), Set.of(RatingStatus.COUNTED), 10, Optional.of("not-a-cursor"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
