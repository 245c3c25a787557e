package io.ratelink.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tells a person's click from a mail scanner's (what is known about them: {@code docs/scanners.md}), and rules how each answer is stored.
 *
 * <ul>
 *   <li>A request made ahead of a person ({@code HEAD}, a prefetch, prerender or preview) writes nothing.</li>
 *   <li>Strong evidence holds a click alone: a scanner's or preview's user agent, no user agent, or a burst — clicks in
 *       the email on two different options of one survey less than the correction gap apart, faster than a person
 *       goes back to the email, and any click within the burst window of them, since the last confirmation on the
 *       page.</li>
 *   <li>Weak evidence holds a click only when enough of it comes together: a browser years out of date, an address in
 *       a mail filter's network, a click soon after the links were minted. A person's single click from an ordinary
 *       browser is never held.</li>
 *   <li>An answer given on the page (a {@code POST}: a real button, the page has no script) is a person's and counts;
 *       it is held only when its user agent itself says it is a machine's.</li>
 *   <li>A held click is stored as {@code suspect} with its reasons, but never replaces a counted answer. A click that
 *       is not held counts, and so promotes a held survey: a person's click after a scanner's sweep wins.</li>
 *   <li>A person's click on another option at a person's pace is a correction: it replaces a counted answer and
 *       stays counted, even within the burst window.</li>
 * </ul>
 *
 * <p>The verdict is made from the request first, on a premise about the stored survey that the write checks itself
 * ({@link Premise}); only when the premise fails is it made again from the stored survey the refused write returns.
 */
public final class ScannerGuard {

    private static final List<String> LOOK_AHEAD_PURPOSES = List.of("prefetch", "prerender", "preview");

    /**
     * @param burstWindow        how long a burst holds a survey: a click on another option within this window of a
     *                           burst is part of it
     * @param correctionGap      clicks on different options less than this apart are a burst; a click on another
     *                           option at least this long after the latest one, on a counted answer, is a correction
     * @param soonAfterSending   a click sooner than this after the links were minted is weak evidence
     * @param weakEvidenceToHold how many pieces of weak evidence together hold a click
     */
    public record Rules(Duration burstWindow, Duration correctionGap, Duration soonAfterSending, int weakEvidenceToHold) {

        public Rules {
            Objects.requireNonNull(burstWindow, "burstWindow");
            Objects.requireNonNull(correctionGap, "correctionGap");
            Objects.requireNonNull(soonAfterSending, "soonAfterSending");
            if (burstWindow.isNegative() || correctionGap.isNegative() || soonAfterSending.isNegative()) {
                throw new IllegalArgumentException("the scanner guard's windows must not be negative");
            }
            if (correctionGap.compareTo(burstWindow) >= 0) {
                throw new IllegalArgumentException("ratelink.scanners.correction-gap (" + correctionGap
                        + ") must be shorter than ratelink.scanners.burst-window (" + burstWindow + ")");
            }
            if (weakEvidenceToHold < 1) {
                throw new IllegalArgumentException("weakEvidenceToHold must be at least 1, was " + weakEvidenceToHold);
            }
        }
    }

    /**
     * What the request alone says about who sent it.
     *
     * @param client   the kind of client its user agent names
     * @param evidence what in the request points to a machine, strong and weak
     */
    public record RequestSignals(ClientKind client, List<Evidence> evidence) {

        public RequestSignals {
            evidence = List.copyOf(evidence);
        }
    }

    private final ClientClassifier clients;
    private final FilterNetworks networks;
    private final Rules rules;

    public ScannerGuard(ClientClassifier clients, FilterNetworks networks, Rules rules) {
        this.clients = clients;
        this.networks = networks;
        this.rules = rules;
    }

    /** The guard with the data files on the classpath ({@code scanners/user-agents.txt}, {@code scanners/networks.txt}). */
    public static ScannerGuard fromClasspath(Rules rules) {
        return new ScannerGuard(ClientClassifier.fromClasspath(), FilterNetworks.fromClasspath(), rules);
    }

    /** Whether the request is made ahead of a person ({@code HEAD}, prefetch, prerender, preview): it writes nothing. */
    public boolean looksAhead(ClickRequest request) {
        return request.isHead() || request.purposes().stream()
                .map(value -> value.toLowerCase(Locale.ROOT))
                .anyMatch(value -> LOOK_AHEAD_PURPOSES.stream().anyMatch(value::contains));
    }

    /**
     * What the request says about its sender. An answer on the page is judged by its user agent alone: a person
     * confirming from a mail filter's network, soon after sending, must be able to.
     *
     * @param issuedAt when the survey's links were minted ({@code iat}); a link minted elsewhere without it says
     *                 nothing about how soon after sending it is clicked
     * @param at       when the request arrived
     */
    public RequestSignals signals(ClickRequest request, Optional<Instant> issuedAt, Instant at) {
        ClientMatch client = clients.match(request.userAgent().orElse(null));
        List<Evidence> evidence = new ArrayList<>();
        switch (client.kind()) {
            case SCANNER -> evidence.add(new Evidence(Evidence.Signal.SCANNER_AGENT, client.rule()));
            case PREVIEW -> evidence.add(new Evidence(Evidence.Signal.PREVIEW_AGENT, client.rule()));
            case NONE -> evidence.add(new Evidence(Evidence.Signal.NO_USER_AGENT, ""));
            case OLD_BROWSER -> {
                if (request.isLinkClick()) {
                    evidence.add(new Evidence(Evidence.Signal.OLD_BROWSER, client.rule()));
                }
            }
            case BROWSER -> {
            }
        }
        if (request.isLinkClick()) {
            request.clientAddress().flatMap(networks::rangeOf)
                    .ifPresent(range -> evidence.add(new Evidence(Evidence.Signal.FILTER_NETWORK, range)));
            issuedAt.map(issued -> Duration.between(issued, at))
                    .filter(sinceSending -> sinceSending.compareTo(rules.soonAfterSending()) < 0)
                    .ifPresent(sinceSending -> evidence.add(new Evidence(Evidence.Signal.SOON_AFTER_SENDING,
                            seconds(sinceSending.isNegative() ? Duration.ZERO : sinceSending))));
        }
        return new RequestSignals(client.kind(), evidence);
    }

    /** How the answer that carries {@code click} is to be stored, given what its request said. */
    public Ruling ruling(RequestSignals signals, Click click) {
        return new ClickRuling(signals.evidence(), holds(signals.evidence()), click);
    }

    /** Whether the evidence is enough to hold a click: any strong piece, or enough weak ones. */
    public boolean holds(List<Evidence> evidence) {
        long weak = evidence.stream().filter(piece -> !piece.signal().holdsAlone()).count();
        return weak >= rules.weakEvidenceToHold() || evidence.stream().anyMatch(piece -> piece.signal().holdsAlone());
    }

    /**
     * The burst this click is part of in the stored survey. Of the clicks in the email since the last confirmation,
     * those within the burst window of this one (either side, as concurrent requests may be stored out of order)
     * are a burst with it when two of them chose different options less than the correction gap apart: a machine's
     * pace. Clicks on different options further apart than that are a person going back to the email: a
     * correction, or a person's click after a single held one.
     */
    public Optional<Evidence> burst(Rating stored, Click click) {
        if (!click.isLinkClick()) {
            return Optional.empty();
        }
        List<Click> log = stored.clicks();
        int afterConfirmation = 0;
        for (int i = 0; i < log.size(); i++) {
            if (isConfirmation(log.get(i))) {
                afterConfirmation = i + 1;
            }
        }
        List<Click> near = new ArrayList<>();
        for (Click earlier : log.subList(afterConfirmation, log.size())) {
            if (earlier.isLinkClick()
                    && Duration.between(earlier.at(), click.at()).abs().compareTo(rules.burstWindow()) < 0) {
                near.add(earlier);
            }
        }
        near.add(click);
        if (!atMachinePace(near)) {
            return Optional.empty();
        }
        TreeSet<Integer> options = near.stream().map(Click::score).collect(Collectors.toCollection(TreeSet::new));
        Instant first = near.stream().map(Click::at).min(Instant::compareTo).orElseThrow();
        Instant last = near.stream().map(Click::at).max(Instant::compareTo).orElseThrow();
        return Optional.of(new Evidence(Evidence.Signal.BURST, "options "
                + options.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " within " + seconds(Duration.between(first, last))));
    }

    /** Whether two of the clicks chose different options less than the correction gap apart. */
    private boolean atMachinePace(List<Click> clicks) {
        List<Click> byTime = clicks.stream().sorted(Comparator.comparing(Click::at)).toList();
        for (int i = 0; i < byTime.size(); i++) {
            for (int j = i + 1; j < byTime.size()
                    && Duration.between(byTime.get(i).at(), byTime.get(j).at()).compareTo(rules.correctionGap()) < 0; j++) {
                if (byTime.get(i).score() != byTime.get(j).score()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An answer given on the page by a client that does not name itself a machine: it counted. */
    static boolean isConfirmation(Click click) {
        return !click.isLinkClick() && !click.client().identifiesMachine();
    }

    static String reason(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::describe).collect(Collectors.joining("; "));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis >= 10_000) {
            return (millis + 500) / 1000 + " s";
        }
        long tenths = (millis + 50) / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    private final class ClickRuling implements Ruling {

        private final List<Evidence> evidence;
        private final boolean held;
        private final Click click;

        ClickRuling(List<Evidence> evidence, boolean held, Click click) {
            this.evidence = evidence;
            this.held = held;
            this.click = click;
        }

        @Override
        public Verdict.Save verdictIfPremiseHolds() {
            return held ? Verdict.Save.suspect(reason(evidence)) : Verdict.Save.counted();
        }

        @Override
        public Premise premise() {
            if (held) {
                return new Premise.NothingCounted();
            }
            if (click.isLinkClick()) {
                return new Premise.NoBurst(click.at().minus(rules.burstWindow()),
                        click.at().minus(rules.correctionGap()), click.score());
            }
            return new Premise.Anything();
        }

        @Override
        public Verdict verdictOn(Rating stored) {
            Optional<Evidence> burst = burst(stored, click);
            if (held) {
                if (stored.status() == RatingStatus.COUNTED) {
                    return new Verdict.Leave();
                }
                List<Evidence> all = new ArrayList<>(evidence);
                burst.ifPresent(all::add);
                return Verdict.Save.suspect(reason(all));
            }
            return burst.<Verdict>map(found -> Verdict.Save.suspect(reason(List.of(found))))
                    .orElseGet(Verdict.Save::counted);
        }
    }
}
