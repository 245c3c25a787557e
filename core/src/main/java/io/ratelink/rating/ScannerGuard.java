package io.ratelink.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tells a person's click from a mail scanner's (SCANNERS.md), and rules how each answer is stored.
 *
 * <ul>
 *   <li>A request made ahead of a person ({@code HEAD}, a prefetch, prerender or preview) writes nothing.</li>
 *   <li>Strong evidence holds a click alone: a scanner's or preview's user agent, no user agent, or a burst — clicks in
 *       the email on two different options of one survey within the burst window of each other, since the last
 *       confirmation on the page.</li>
 *   <li>Weak evidence holds a click only when enough of it comes together: a browser years out of date, an address in
 *       a mail filter's network, a click soon after the links were minted. A person's single click from an ordinary
 *       browser is never held.</li>
 *   <li>An answer given on the page (a {@code POST}: a real button, the page has no script) is a person's and counts;
 *       it is held only when its user agent itself says it is a machine's.</li>
 *   <li>A held click is stored as {@code suspect} with its reasons, but never replaces a counted answer. A click that
 *       is not held counts, and so promotes a held survey: a person's click after a scanner's sweep wins.</li>
 * </ul>
 *
 * <p>The verdict is made from the request first, on a premise about the stored survey that the write checks itself
 * ({@link Premise}); only when the premise fails is it made again from the stored survey the refused write returns.
 */
public final class ScannerGuard {

    private static final List<String> LOOK_AHEAD_PURPOSES = List.of("prefetch", "prerender", "preview");

    /**
     * @param burstWindow        clicks on different options this close together are a burst
     * @param soonAfterSending   a click sooner than this after the links were minted is weak evidence
     * @param weakEvidenceToHold how many pieces of weak evidence together hold a click
     */
    public record Rules(Duration burstWindow, Duration soonAfterSending, int weakEvidenceToHold) {

        public Rules {
            Objects.requireNonNull(burstWindow, "burstWindow");
            Objects.requireNonNull(soonAfterSending, "soonAfterSending");
            if (burstWindow.isNegative() || soonAfterSending.isNegative()) {
                throw new IllegalArgumentException("the scanner guard's windows must not be negative");
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
     * @param issuedAt when the survey's links were minted ({@code iat})
     * @param at       when the request arrived
     */
    public RequestSignals signals(ClickRequest request, Instant issuedAt, Instant at) {
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
            Duration sinceSending = Duration.between(issuedAt, at);
            if (sinceSending.compareTo(rules.soonAfterSending()) < 0) {
                evidence.add(new Evidence(Evidence.Signal.SOON_AFTER_SENDING,
                        seconds(sinceSending.isNegative() ? Duration.ZERO : sinceSending)));
            }
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
     * The burst this click completes in the stored survey: clicks in the email on other options within the burst
     * window of it (either side, as concurrent requests may be stored out of order), since the last confirmation.
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
        TreeSet<Integer> options = near.stream().map(Click::score).collect(Collectors.toCollection(TreeSet::new));
        if (options.size() < 2) {
            return Optional.empty();
        }
        Instant first = near.stream().map(Click::at).min(Instant::compareTo).orElseThrow();
        Instant last = near.stream().map(Click::at).max(Instant::compareTo).orElseThrow();
        return Optional.of(new Evidence(Evidence.Signal.BURST, "options "
                + options.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " within " + seconds(Duration.between(first, last))));
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
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
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
        public Verdict.Save expected() {
            return held ? Verdict.Save.suspect(reason(evidence)) : Verdict.Save.counted();
        }

        @Override
        public Premise premise() {
            if (held) {
                return new Premise.NothingCounted();
            }
            if (click.isLinkClick()) {
                return new Premise.NoOtherOptionSince(click.at().minus(rules.burstWindow()), click.score());
            }
            return new Premise.Anything();
        }

        @Override
        public Verdict given(Rating stored) {
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
