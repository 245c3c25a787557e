package io.ratelink.rating;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.ratelink.testing.RatingBuilder.aRating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScannerGuardTest {

    static final Instant SENT = Instant.parse("2026-11-20T09:00:00Z");
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFE_LINKS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.109 Safari/537.36";
    static final String HOME = "203.0.113.24";
    static final String EXCHANGE_ONLINE = "40.107.22.91";

    static final ScannerGuard.Rules RULES = new ScannerGuard.Rules(Duration.ofSeconds(10), Duration.ofSeconds(2),
            Duration.ofMinutes(5), 2);

    final ScannerGuard guard = ScannerGuard.fromClasspath(RULES);

    @Test
    void aPersonsClickFromAnOrdinaryBrowserIsNeverHeldHoweverSoon() {
        var signals = guard.signals(ClickRequest.get(BROWSER, HOME), Optional.of(SENT), SENT.plusSeconds(2));

        assertThat(signals.evidence()).extracting(Evidence::signal).containsExactly(Evidence.Signal.SOON_AFTER_SENDING);
        assertThat(guard.holds(signals.evidence())).isFalse();
        assertThat(ruling(BROWSER, HOME, 2, 4).verdictIfPremiseHolds()).isEqualTo(Verdict.Save.counted());
    }

    @Test
    void aScannerOrPreviewUserAgentOrNoneHoldsAClickAlone() {
        Instant late = SENT.plus(Duration.ofHours(3));

        assertThat(reason("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36", late))
                .isEqualTo("scanner-agent (HeadlessChrome)");
        assertThat(reason("MicrosoftPreview/2.0 (+https://aka.ms/MicrosoftPreview)", late))
                .isEqualTo("preview-agent (MicrosoftPreview)");
        assertThat(reason(null, late)).isEqualTo("no-user-agent");
    }

    @Test
    void oneWeakSignalAloneHoldsNothingTwoTogetherHold() {
        Instant late = SENT.plus(Duration.ofHours(2));
        Instant soon = SENT.plusSeconds(43);

        assertThat(ruling(SAFE_LINKS, HOME, late).verdictIfPremiseHolds().status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(ruling(BROWSER, EXCHANGE_ONLINE, late).verdictIfPremiseHolds().status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(ruling(BROWSER, HOME, soon).verdictIfPremiseHolds().status()).isEqualTo(RatingStatus.COUNTED);

        assertThat(ruling(SAFE_LINKS, HOME, soon).verdictIfPremiseHolds().reason())
                .contains("old-browser (Chrome/ <100); soon-after-sending (43 s)");
        assertThat(ruling(BROWSER, EXCHANGE_ONLINE, soon).verdictIfPremiseHolds().reason())
                .contains("mail-filter-network (40.107.0.0/16 Microsoft Exchange Online Protection); soon-after-sending (43 s)");
        assertThat(ruling(SAFE_LINKS, EXCHANGE_ONLINE, late).verdictIfPremiseHolds().status()).isEqualTo(RatingStatus.SUSPECT);
    }

    @Test
    void aLinkWithoutIatIsNoEvidenceOfAClickSoonAfterSending() {
        var minted = guard.signals(ClickRequest.get(SAFE_LINKS, HOME), Optional.of(SENT), SENT.plusSeconds(43));
        var mintedElsewhere = guard.signals(ClickRequest.get(SAFE_LINKS, HOME), Optional.empty(), SENT.plusSeconds(43));

        assertThat(guard.holds(minted.evidence())).isTrue();
        assertThat(mintedElsewhere.evidence()).extracting(Evidence::signal).containsExactly(Evidence.Signal.OLD_BROWSER);
        assertThat(guard.holds(mintedElsewhere.evidence())).isFalse();
    }

    @Test
    void theThresholdOfWeakEvidenceIsConfigurable() {
        ScannerGuard strict = ScannerGuard.fromClasspath(new ScannerGuard.Rules(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMinutes(5), 1));

        var signals = strict.signals(ClickRequest.get(BROWSER, EXCHANGE_ONLINE), Optional.of(SENT), SENT.plus(Duration.ofHours(1)));

        assertThat(strict.holds(signals.evidence())).isTrue();
    }

    @Test
    void anAnswerOnThePageCountsFromAFilterNetworkSoonAfterSendingAndFromAnOldBrowser() {
        Click confirmation = new Click(SENT.plusSeconds(50), 2, ClientKind.OLD_BROWSER, "POST");
        var signals = guard.signals(ClickRequest.post(SAFE_LINKS, EXCHANGE_ONLINE), Optional.of(SENT), confirmation.at());

        Ruling ruling = guard.ruling(signals, confirmation);

        assertThat(signals.evidence()).isEmpty();
        assertThat(ruling.verdictIfPremiseHolds()).isEqualTo(Verdict.Save.counted());
        assertThat(ruling.premise()).isEqualTo(new Premise.Anything());
        assertThat(ruling.verdictOn(stored(RatingStatus.SUSPECT, get(1, 2, ClientKind.OLD_BROWSER)))).isEqualTo(Verdict.Save.counted());
    }

    @Test
    void anAnswerOnThePageFromAScannerUserAgentIsHeldAndCannotReplaceACountedOne() {
        Click post = new Click(SENT.plusSeconds(50), 1, ClientKind.SCANNER, "POST");
        var signals = guard.signals(ClickRequest.post("python-requests/2.31.0", HOME), Optional.of(SENT), post.at());

        Ruling ruling = guard.ruling(signals, post);

        assertThat(ruling.verdictIfPremiseHolds().status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(ruling.premise()).isEqualTo(new Premise.NothingCounted());
        assertThat(ruling.verdictOn(stored(RatingStatus.COUNTED, get(10, 4, ClientKind.BROWSER)))).isEqualTo(new Verdict.Leave());
    }

    @Test
    void aHeldClickNeverReplacesACountedAnswerButJoinsAHeldOne() {
        Instant at = SENT.plusSeconds(44);
        Ruling ruling = ruling(SAFE_LINKS, EXCHANGE_ONLINE, at, 5);

        assertThat(ruling.premise()).isEqualTo(new Premise.NothingCounted());
        assertThat(ruling.verdictOn(stored(RatingStatus.COUNTED, get(30, 2, ClientKind.BROWSER)))).isEqualTo(new Verdict.Leave());
        Verdict joined = ruling.verdictOn(stored(RatingStatus.SUSPECT, get(43.5, 4, ClientKind.OLD_BROWSER)));
        assertThat(joined).isInstanceOfSatisfying(Verdict.Save.class, save -> {
            assertThat(save.status()).isEqualTo(RatingStatus.SUSPECT);
            assertThat(save.reason().orElseThrow()).startsWith("old-browser").endsWith("burst (options 4, 5 within 0.5 s)");
        });
    }

    @Test
    void aPersonsClickAssumesNoBurstWithinTheWindowAndACorrectionAtAPersonsPace() {
        Instant at = SENT.plus(Duration.ofMinutes(20));

        Ruling ruling = ruling(BROWSER, HOME, at, 3);

        assertThat(ruling.premise()).isEqualTo(new Premise.NoBurst(at.minusSeconds(10), at.minusSeconds(2), 3));
    }

    @Test
    void twoDifferentOptionsFasterThanTheCorrectionGapAreABurstWhoeverClicked() {
        Instant at = SENT.plus(Duration.ofMinutes(20));
        Rating stored = stored(RatingStatus.COUNTED, get(1200 - 0.4, 1, ClientKind.BROWSER));

        Verdict verdict = ruling(BROWSER, HOME, at, 2).verdictOn(stored);

        assertThat(verdict).isEqualTo(Verdict.Save.suspect("burst (options 1, 2 within 0.4 s)"));
    }

    @Test
    void anotherOptionClickedAtAPersonsPaceCorrectsACountedAnswer() {
        Instant at = SENT.plus(Duration.ofMinutes(25));
        Rating misclicked = stored(RatingStatus.COUNTED, get(1500 - 5, 1, ClientKind.BROWSER));

        assertThat(ruling(BROWSER, HOME, at, 2).verdictOn(misclicked)).isEqualTo(Verdict.Save.counted());
        assertThat(ruling(BROWSER, HOME, at, 2).verdictOn(stored(RatingStatus.COUNTED, get(1500 - 2, 1, ClientKind.BROWSER))))
                .as("exactly the correction gap apart").isEqualTo(Verdict.Save.counted());
        assertThat(ruling(BROWSER, HOME, at, 2).verdictOn(stored(RatingStatus.COUNTED, get(1500 - 1.9, 1, ClientKind.BROWSER))))
                .as("just faster than the gap").isInstanceOfSatisfying(Verdict.Save.class,
                        save -> assertThat(save.status()).isEqualTo(RatingStatus.SUSPECT));
    }

    @Test
    void aSweepThatLooksLikeAPersonIsHeldFromItsSecondClickAndStaysHeldThroughTheWindow() {
        Rating afterFirst = stored(RatingStatus.COUNTED, get(45, 1, ClientKind.BROWSER));
        assertThat(ruling(BROWSER, HOME, 45.3, 2).verdictOn(afterFirst))
                .isEqualTo(Verdict.Save.suspect("burst (options 1, 2 within 0.3 s)"));

        Rating swept = stored(RatingStatus.SUSPECT, get(45, 1, ClientKind.BROWSER), get(45.3, 2, ClientKind.BROWSER),
                get(45.6, 3, ClientKind.BROWSER), get(45.9, 4, ClientKind.BROWSER), get(46.2, 5, ClientKind.BROWSER));

        assertThat(ruling(BROWSER, HOME, 51, 3).verdictOn(swept)).as("a click at a person's pace inside the sweep's window")
                .isEqualTo(Verdict.Save.suspect("burst (options 1, 2, 3, 4, 5 within 6.0 s)"));
        assertThat(ruling(BROWSER, HOME, 57, 3).verdictOn(swept)).as("once the window is over")
                .isEqualTo(Verdict.Save.counted());
    }

    @Test
    void aPersonsClickAtAPersonsPaceAfterASingleHeldClickCounts() {
        Rating previewed = stored(RatingStatus.SUSPECT, get(6.2, 1, ClientKind.PREVIEW));

        assertThat(ruling(BROWSER, HOME, 9.5, 4).verdictOn(previewed)).isEqualTo(Verdict.Save.counted());
        assertThat(ruling(BROWSER, HOME, 7, 4).verdictOn(previewed)).as("faster than a person goes back to the email")
                .isEqualTo(Verdict.Save.suspect("burst (options 1, 4 within 0.8 s)"));
    }

    @Test
    void theCorrectionGapMustBeShorterThanTheBurstWindow() {
        assertThatThrownBy(() -> new ScannerGuard.Rules(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correction-gap");
    }

    @Test
    void theSameOptionTwiceOrAnotherOptionAfterTheWindowIsNoBurst() {
        Instant at = SENT.plus(Duration.ofMinutes(20));

        assertThat(ruling(BROWSER, HOME, at, 2).verdictOn(stored(RatingStatus.SUSPECT, get(1199, 2, ClientKind.SCANNER))))
                .isEqualTo(Verdict.Save.counted());
        assertThat(ruling(BROWSER, HOME, at, 2).verdictOn(stored(RatingStatus.SUSPECT,
                get(1140, 1, ClientKind.OLD_BROWSER), get(1140.4, 2, ClientKind.OLD_BROWSER), get(1140.8, 3, ClientKind.OLD_BROWSER))))
                .as("a person's click a minute after a sweep wins").isEqualTo(Verdict.Save.counted());
    }

    @Test
    void aConfirmationOnThePageEndsTheBurstBeforeIt() {
        Instant at = SENT.plus(Duration.ofMinutes(20));
        Rating stored = stored(RatingStatus.COUNTED, get(1192, 1, ClientKind.BROWSER), get(1193, 2, ClientKind.BROWSER),
                new Click(SENT.plusSeconds(1196), 2, ClientKind.BROWSER, "POST"));

        assertThat(ruling(BROWSER, HOME, at, 3).verdictOn(stored)).isEqualTo(Verdict.Save.counted());
    }

    @Test
    void clicksStoredOutOfOrderStillMakeABurst() {
        Instant at = SENT.plus(Duration.ofMinutes(20));
        Rating stored = stored(RatingStatus.COUNTED, get(1201, 4, ClientKind.BROWSER));

        assertThat(ruling(BROWSER, HOME, at, 5).verdictOn(stored)).isInstanceOf(Verdict.Save.class)
                .extracting(v -> ((Verdict.Save) v).status()).isEqualTo(RatingStatus.SUSPECT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "prefetch", "prefetch;prerender", "preview", "Prefetch" })
    void prefetchPrerenderAndPreviewRequestsLookAhead(String purpose) {
        ClickRequest request = new ClickRequest("GET", Optional.of(BROWSER), List.of(purpose), Optional.of(HOME));

        assertThat(guard.looksAhead(request)).isTrue();
    }

    @Test
    void headLooksAheadAndAnOrdinaryGetDoesNot() {
        assertThat(guard.looksAhead(new ClickRequest("HEAD", Optional.of(SAFE_LINKS), List.of(), Optional.empty()))).isTrue();
        assertThat(guard.looksAhead(ClickRequest.get(BROWSER, HOME))).isFalse();
    }

    private String reason(String userAgent, Instant at) {
        return ruling(userAgent, HOME, at).verdictIfPremiseHolds().reason().orElseThrow();
    }

    private Ruling ruling(String userAgent, String address, Instant at) {
        return ruling(userAgent, address, at, 1);
    }

    private Ruling ruling(String userAgent, String address, double secondsAfterSending, int score) {
        return ruling(userAgent, address, SENT.plusMillis(Math.round(secondsAfterSending * 1000)), score);
    }

    private Ruling ruling(String userAgent, String address, Instant at, int score) {
        var signals = guard.signals(ClickRequest.get(userAgent, address), Optional.of(SENT), at);
        return guard.ruling(signals, new Click(at, score, signals.client(), "GET"));
    }

    private static Click get(double secondsAfterSending, int score, ClientKind client) {
        return new Click(SENT.plusMillis(Math.round(secondsAfterSending * 1000)), score, client, "GET");
    }

    private static Rating stored(RatingStatus status, Click... clicks) {
        List<Click> log = List.of(clicks);
        Click last = log.get(log.size() - 1);
        return aRating().scale(Scale.CSAT_5).score(last.score()).version(log.size()).status(status)
                .issuedAt(SENT).expiresAt(SENT.plus(Duration.ofDays(30)))
                .firstClickAt(log.get(0).at()).lastClickAt(last.at()).clicks(log).build();
    }
}
