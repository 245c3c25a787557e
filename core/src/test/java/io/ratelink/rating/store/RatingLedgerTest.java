package io.ratelink.rating.store;

import io.ratelink.rating.Answer;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.CountedScoreConflict;
import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.storage.Tables;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.ratelink.testing.RatingBuilder.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingLedgerTest {

    private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final LocalDynamo.TableNames tables = LocalDynamo.freshTables(dynamo);
    private final RatingStore store = new RatingStore(dynamo, tables.ratings(), Duration.ofDays(1095));
    private final RatingLedger ledger = new RatingLedger(dynamo, tables.ratings(), Tables.BY_CHANGE);

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void changesAreFoundByTheirChangeTimeAcrossDays() {
        click("s1", 4, NOW.minus(Duration.ofDays(2)));
        click("s2", 5, NOW.minus(Duration.ofDays(1)));
        click("s3", 1, NOW);

        List<String> found = new ArrayList<>();
        ledger.changedSince(NOW.minus(Duration.ofDays(1)).minusSeconds(1), LocalDate.of(2025, 3, 4),
                rating -> found.add(rating.surveyId()));

        assertThat(found).containsExactlyInAnyOrder("s2", "s3");
    }

    @Test
    void aMoveWrittenTwiceLeavesTheSameMarkAndCountsOnce() {
        Rating rating = click("s1", 4, NOW);
        CountedScoreUpdate mark = CountedScoreUpdate.moved("s1", rating.version(), null, 4);

        assertThat(ledger.markCounted(mark)).isTrue();
        assertThat(ledger.markCounted(mark)).isTrue();

        Rating marked = ledger.current(List.of("s1")).get("s1");
        assertThat(marked.countedScore()).contains(4);
        assertThat(marked.version()).as("the mark is not a change").isEqualTo(rating.version());
        assertThat(marked.changedAt()).isEqualTo(rating.changedAt());
        assertThat(marked.needsRecount()).isFalse();
    }

    @Test
    void aMoveFromAScoreThatIsNotCountedIsRefused() {
        Rating rating = click("s1", 4, NOW);
        ledger.markCounted(CountedScoreUpdate.moved("s1", rating.version(), null, 4));

        assertThatThrownBy(() -> ledger.markCounted(CountedScoreUpdate.moved("s1", rating.version() + 1, 2, 5)))
                .isInstanceOf(CountedScoreConflict.class)
                .hasMessageContaining("full rebuild");
    }

    @Test
    void aRecountIsWrittenOverWhateverWasCountedAndCanCountNothing() {
        Rating rating = click("s1", 4, NOW);
        ledger.markCounted(CountedScoreUpdate.moved("s1", rating.version(), null, 4));

        ledger.markCounted(CountedScoreUpdate.recounted("s1", rating.version(), null));

        assertThat(ledger.current(List.of("s1")).get("s1").countedScore()).isEmpty();
    }

    @Test
    void aMarkForARatingThatNoLongerExistsCreatesNothing() {
        assertThat(ledger.markCounted(CountedScoreUpdate.recounted("gone", 3, 4))).isFalse();
        assertThat(ledger.current(List.of("gone"))).isEmpty();
    }

    @Test
    void aWholeItemReadsBackAsTheRatingItWasMadeFrom() {
        Rating rating = click("s1", 2, NOW);
        Rating counted = from(rating).countedScore(2).comment("thanks", NOW).build();

        assertThat(RatingItem.toRating(RatingItem.toItem(counted, NOW.plus(Duration.ofDays(1)))))
                .isEqualTo(counted);
    }

    private Rating click(String surveyId, int score, Instant at) {
        SurveyClaims claims = new SurveyClaims(surveyId, score, Scale.CSAT_5, "en", "ticket-" + surveyId, "a1", "t1",
                "c1", at.minusSeconds(60), at.plus(Duration.ofDays(30)));
        return store.record(Answer.click(claims, ClientKind.BROWSER, at), RatingStatus.COUNTED);
    }
}
