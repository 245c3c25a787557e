package io.ratelink.escalate.mail;

import io.ratelink.escalate.Agent;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.LowRating;
import io.ratelink.escalate.RecentScore;
import io.ratelink.escalate.Recipient;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationViewsTest {

    private static final Instant NOW = Instant.parse("2025-11-20T12:12:07Z");
    private final EscalationViews views = new EscalationViews(
            new TicketLinks(Optional.of("https://support.example.com/tickets/{ticketId}")), ZoneId.of("Europe/Bucharest"),
            "https://rate.example.com/");
    private final Agent ana = new Agent("agent-1", "Ana Popescu", "ana@example.com", Optional.of("boss@example.com"), "ro");
    private final Recipient toManager = new Recipient("boss@example.com", "ro", Optional.of(ana), Recipient.Route.MANAGER);

    @Test
    void theScoreIsShownAsTheCustomerSawItWithTheWholeScale() {
        EscalationView view = views.of(escalation(Scale.CSAT_3, 1, Optional.empty()), toManager, Optional.empty());

        assertThat(view.score().text()).isEqualTo("😞 Rău");
        assertThat(view.score().points()).extracting(EscalationView.Point::symbol).containsExactly("😞", "😐", "😀");
        assertThat(view.score().points()).extracting(EscalationView.Point::chosen).containsExactly(true, false, false);
        assertThat(view.score().question()).isEqualTo("Cum ne-am descurcat?");
    }

    @Test
    void aNumberIsShownOnItsScaleWithItsWordsWhenItHasSome() {
        assertThat(views.of(escalation(Scale.NPS, 3, Optional.empty()), toManager, Optional.empty()).score().text())
                .isEqualTo("3 pe o scară de la 0 la 10");
        assertThat(views.of(escalation(Scale.CES_7, 2, Optional.empty()), toManager, Optional.empty()).score().text())
                .isEqualTo("2 pe o scară de la 1 la 7 – Dezacord");
    }

    @Test
    void theTicketIsLinkedWithItsIdEncodedAndTheTimeShownInTheConfiguredZone() {
        EscalationView view = views.of(escalation(Scale.CSAT_5, 2, Optional.empty(), "T 1/2?x"), toManager, Optional.empty());

        assertThat(view.ticketLink()).map(EscalationView.Link::url).contains("https://support.example.com/tickets/T%201%2F2%3Fx");
        assertThat(view.details()).anySatisfy(detail -> assertThat(detail.value()).contains("14:12").endsWith("(Europe/Bucharest)"));
    }

    @Test
    void withoutAHelpdeskPatternTheTicketIsNamedNotLinked() {
        EscalationViews unlinked = new EscalationViews(new TicketLinks(Optional.empty()), ZoneId.of("UTC"),
                "https://rate.example.com");
        EscalationView view = unlinked.of(escalation(Scale.CSAT_5, 2, Optional.empty()), toManager, Optional.empty());

        assertThat(view.ticketLink()).isEmpty();
        assertThat(view.details().get(0).url()).isEmpty();
        assertThat(view.details().get(0).value()).isEqualTo("T-1");
    }

    @Test
    void theEmailLinksToItsRatingInTheDashboardInTheManagersLanguage() {
        EscalationView romanian = views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), toManager, Optional.empty());
        Recipient persian = new Recipient("boss@example.com", "fa", Optional.of(ana), Recipient.Route.MANAGER);
        Recipient chinese = new Recipient("boss@example.com", "zh", Optional.of(ana), Recipient.Route.MANAGER);
        Recipient english = new Recipient("boss@example.com", "en", Optional.of(ana), Recipient.Route.MANAGER);

        assertThat(romanian.ratingLink().url()).isEqualTo("https://rate.example.com/dashboard/ratings/s");
        assertThat(romanian.ratingLink().text()).isEqualTo("Deschideți evaluarea în panou");
        assertThat(views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), english, Optional.empty()).ratingLink().text())
                .isEqualTo("Open the rating in the dashboard");
        assertThat(views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), chinese, Optional.empty()).ratingLink().text())
                .isEqualTo("在仪表板中打开此评分");
        assertThat(views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), persian, Optional.empty()).ratingLink().text())
                .isEqualTo("باز کردن این امتیاز در داشبورد");
    }

    @Test
    void theRecentScoreIsShownOnlyWhenThereIsOne() {
        EscalationView without = views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), toManager, Optional.empty());
        EscalationView with = views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), toManager,
                Optional.of(new RecentScore(Scale.CSAT_5, "csat", 81.6, 41, "30d")));

        assertThat(without.details()).extracting(EscalationView.Detail::label).doesNotContain("Scor recent");
        assertThat(with.details()).anySatisfy(detail -> assertThat(detail.value()).isEqualTo("CSAT 82% în ultimele 30 de zile, din 41 evaluări"));
    }

    @Test
    void aCommentKeepsItsLinesAndAFollowUpSaysWhetherTheScoreChanged() {
        Escalation followUp = new Escalation(EscalationId.followUp("s", 2), EscalationStatus.SENDING,
                new LowRating("s", Scale.CSAT_5, 1, "T-1", "agent-1", "team-1", "en", Optional.of("one\ntwo\r\nthree"), NOW),
                3, Optional.of(2), 0, "<a@b.c>", Optional.of("<p@b.c>"), 0, Optional.empty(), Optional.empty(), NOW, NOW,
                Optional.empty(), Optional.empty());

        EscalationView view = views.of(followUp, toManager, Optional.empty());

        assertThat(view.followUp()).isTrue();
        assertThat(view.comment().lines()).containsExactly("one", "two", "three");
        assertThat(view.scoreChange()).contains("Clientul a schimbat nota de la escaladare, din ★★ Nemulțumit în ★ Foarte nemulțumit.");
        assertThat(view.subject()).isEqualTo("Re: Evaluare scăzută pentru Ana Popescu la tichetul T-1");
    }

    @Test
    void aRightToLeftLanguageTurnsTheLayout() {
        Recipient persian = new Recipient("boss@example.com", "fa", Optional.of(ana), Recipient.Route.MANAGER);
        EscalationView view = views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), persian, Optional.empty());

        assertThat(view.dir()).isEqualTo("rtl");
        assertThat(view.start()).isEqualTo("right");
        assertThat(view.lang()).isEqualTo("fa");
    }

    @Test
    void theFallbackAddressSaysWhyItGotTheMail() {
        Recipient fallback = new Recipient("leads@example.com", "en", Optional.empty(), Recipient.Route.FALLBACK_UNKNOWN_AGENT);
        EscalationView view = views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), fallback, Optional.empty());

        assertThat(view.notes()).containsExactly(
                "Agent agent-1 is not on file, so this went to the fallback address. Add them with PUT /v1/agents/agent-1.");
        assertThat(view.subject()).isEqualTo("Low rating for agent-1 on ticket T-1");
    }

    @Test
    void anEmailAfterTheHourlyLimitSaysHowManyWereHeldBack() {
        Recipient manager = new Recipient("boss@example.com", "en", Optional.of(ana), Recipient.Route.MANAGER);
        Escalation afterHeld = escalation(Scale.CSAT_5, 1, Optional.empty()).withHeldBack(4);

        assertThat(views.of(afterHeld, manager, Optional.empty()).notes()).containsExactly("Your hourly limit of "
                + "escalation emails held back 4 more low rating(s) before this one. They are kept: list them with "
                + "GET /v1/escalations?status=held.");
        assertThat(views.of(escalation(Scale.CSAT_5, 1, Optional.empty()), manager, Optional.empty()).notes()).isEmpty();
    }

    @Test
    void aSubjectStaysOneLineWhateverTheNamesHold() {
        Agent odd = new Agent("agent-1", "Ana\r\nBcc: everyone@example.com", "ana@example.com", Optional.empty(), "en");
        Recipient recipient = new Recipient("boss@example.com", "en", Optional.of(odd), Recipient.Route.MANAGER);

        assertThat(views.of(escalation(Scale.CSAT_5, 2, Optional.empty()), recipient, Optional.empty()).subject())
                .doesNotContain("\r").doesNotContain("\n");
    }

    private static Escalation escalation(Scale scale, int score, Optional<String> comment) {
        return escalation(scale, score, comment, "T-1");
    }

    private static Escalation escalation(Scale scale, int score, Optional<String> comment, String ticketId) {
        return new Escalation(EscalationId.first("s"), EscalationStatus.SENDING,
                new LowRating("s", scale, score, ticketId, "agent-1", "team-1", "en", comment, NOW), 1, Optional.empty(),
                0, "<a@b.c>", Optional.empty(), 0, Optional.empty(), Optional.empty(), NOW, NOW, Optional.empty(),
                Optional.empty());
    }

}
