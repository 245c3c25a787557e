package io.ratelink.dashboard.access;

import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.DueTask;
import io.ratelink.escalate.Agent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Passwordless sign-in: a person asks with their address, a link is mailed (through the delivery queue, by the
 * function that sends mail) when the address may sign in, and only a deliberate use of the link (the page's button, a
 * {@code POST}) spends it and opens a session. Opening the link, as mail scanners do, changes nothing.
 */
public final class SignIn {

    /** The kind of the queued task that mails a sign-in link; its subject is the signed link token. */
    public static final String TASK_KIND = "sign-in";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Viewers viewers;
    private final AccessTokens tokens;
    private final SpentLinks spent;
    private final DelayQueue queue;
    private final Clock clock;
    private final Duration linkLifetime;
    private final Duration sessionLifetime;

    public SignIn(Viewers viewers, AccessTokens tokens, SpentLinks spent, DelayQueue queue, Clock clock,
            Duration linkLifetime, Duration sessionLifetime) {
        this.viewers = viewers;
        this.tokens = tokens;
        this.spent = spent;
        this.queue = queue;
        this.clock = clock;
        this.linkLifetime = linkLifetime;
        this.sessionLifetime = sessionLifetime;
    }

    public Duration linkLifetime() {
        return linkLifetime;
    }

    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    /** Whether the text is one plain address, which is all the form takes. */
    public static boolean isAddress(String email) {
        return Agent.isAddress(email);
    }

    /**
     * Asks for a sign-in link. The caller answers the same whether or not a link goes out: nothing tells a stranger
     * which addresses may sign in.
     *
     * @return whether a link was queued (for logs and tests, never for the answer)
     */
    public boolean request(String email, String language, Optional<String> next) {
        String address = email.strip();
        if (!isAddress(address) || !viewers.maySignIn(address)) {
            return false;
        }
        SignInLink link = new SignInLink(address, newLinkId(), language, next.flatMap(NextPath::of),
                clock.instant().plus(linkLifetime));
        queue.schedule(DueTask.of(TASK_KIND, tokens.mintLink(link), 0), Duration.ZERO);
        return true;
    }

    /** What the link's page shows, without spending it. */
    public LinkState inspect(String token) {
        TokenCheck<SignInLink> check = tokens.verifyLink(token);
        if (check instanceof TokenCheck.Valid<SignInLink> valid) {
            SignInLink link = valid.claims();
            return spent.isSpent(link.linkId()) ? new LinkState.Used(link) : new LinkState.Usable(link);
        }
        if (check instanceof TokenCheck.Expired<SignInLink> expired) {
            return new LinkState.Expired(expired.claims());
        }
        return new LinkState.Invalid();
    }

    /**
     * Uses the link: spends it and opens a session for its address, which must still be allowed to sign in. A link
     * that was spent, has expired or is not ours opens nothing.
     */
    public LinkState use(String token) {
        TokenCheck<SignInLink> check = tokens.verifyLink(token);
        if (check instanceof TokenCheck.Expired<SignInLink> expired) {
            return new LinkState.Expired(expired.claims());
        }
        if (!(check instanceof TokenCheck.Valid<SignInLink> valid)) {
            return new LinkState.Invalid();
        }
        SignInLink link = valid.claims();
        if (!spent.spend(link.linkId(), link.expiresAt())) {
            return new LinkState.Used(link);
        }
        if (!viewers.maySignIn(link.email())) {
            return new LinkState.Invalid();
        }
        Instant now = clock.instant();
        return new LinkState.SignedIn(link, tokens.mintSession(new Session(link.email(), now, now.plus(sessionLifetime))));
    }

    /** Who a session cookie signs in, as they are allowed to see now. */
    public SessionCheck session(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return new SessionCheck.None();
        }
        TokenCheck<Session> check = tokens.verifySession(cookie);
        if (!(check instanceof TokenCheck.Valid<Session> valid)) {
            return new SessionCheck.Refused();
        }
        return viewers.viewerFor(valid.claims().email())
                .<SessionCheck>map(SessionCheck.SignedIn::new)
                .orElseGet(SessionCheck.Refused::new);
    }

    private static String newLinkId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Where a sign-in link stands. */
    public sealed interface LinkState {

        /** Genuine, unexpired, unspent: the page offers its button. */
        record Usable(SignInLink link) implements LinkState {
        }

        /** Spent just now: the session token is the cookie's value. */
        record SignedIn(SignInLink link, String sessionToken) implements LinkState {
        }

        /** Genuine but used before. */
        record Used(SignInLink link) implements LinkState {
        }

        /** Genuine but past its time. */
        record Expired(SignInLink link) implements LinkState {
        }

        /** Not a link ratelink signed, or for an address that may no longer sign in. */
        record Invalid() implements LinkState {
        }
    }

    /** What a request's session cookie says. */
    public sealed interface SessionCheck {

        /** No cookie at all. */
        record None() implements SessionCheck {
        }

        /** Tampered, expired, or for an address that may no longer sign in: the cookie is to be cleared. */
        record Refused() implements SessionCheck {
        }

        record SignedIn(Viewer viewer) implements SessionCheck {
        }
    }
}
