package io.ratelink.escalate;

import io.ratelink.delivery.Channel;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.SendResult;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerAllowance;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.rating.Rating;
import io.ratelink.rating.store.RatingStore;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a low rating's escalation once it has settled, and each later comment's follow-up, exactly once each.
 *
 * <p>A check runs when a change of the rating has waited out the settle window. It reads the rating again: a
 * newer change has its own check, a rating that left the low band or is held sends nothing, and one that is still
 * low is reported as it stands now, with its comment. Each survey has one thread of at most
 * {@link Settings#maxPerSurvey()} emails, and each manager gets at most {@link Settings#maxPerManagerHour()} an hour;
 * an email the hourly limit holds back is kept as {@code held}, and the manager's next email says how many were.
 *
 * <p>Before a send, a conditional write claims the email under the id of its place in the thread
 * ({@link EscalationId}): of any number of checks of one survey, one claims it. The claim is marked {@code sending}
 * before the SMTP server gets the email; after that, nothing sends it again. The server's acceptance is recorded
 * with retried writes, never a second send. A refusal is tried again with a doubling pause and ends {@code failed};
 * a try with no answer in time, or a sender that died mid-send, ends {@code unknown}, since the email may have been
 * delivered: both are logged for the alarm and wait for a person to replay them.
 *
 * @param <M> the message its channel sends (an email, in the escalate function)
 */
public class Escalator<M> {

    /** What the alarm counts in the logs: an escalation that could not be sent. */
    public static final String FAILED_LOG_TERM = "escalation.failed";
    /** What the alarm counts in the logs: an escalation that may or may not have been delivered. */
    public static final String UNKNOWN_LOG_TERM = "escalation.unknown";

    private static final Logger LOG = Logger.getLogger(Escalator.class);
    /** Kept back from the deadline for the writes that record a send's outcome. */
    private static final Duration RECORD_MARGIN = Duration.ofSeconds(2);
    private static final Duration FIRST_WRITE_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_WRITE_RETRY = Duration.ofSeconds(2);

    private final EscalationPolicy policy;
    private final RatingStore ratings;
    private final EscalationStore store;
    private final ManagerDirectory directory;
    private final EscalationComposer<M> composer;
    private final RecentScores recentScores;
    private final MessageIds messageIds;
    private final Channel<M> channel;
    private final Pause pause;
    private final Clock clock;
    private final Settings settings;

    /**
     * How escalations are sent.
     *
     * @param attempts          tries per send, at least one
     * @param firstDelay        the pause after the first refused try; it doubles after each further one
     * @param sendTimeout       how long one try waits for the SMTP server's answer before its outcome is unknown
     * @param claimTimeout      how long a claim belongs to the invocation that made it; longer than any invocation
     * @param maxPerSurvey      the most emails one survey's thread may have: the escalation and its follow-ups
     * @param maxPerManagerHour the most emails one manager gets in an hour (0: no limit)
     */
    public record Settings(int attempts, Duration firstDelay, Duration sendTimeout, Duration claimTimeout,
            int maxPerSurvey, int maxPerManagerHour) {
        public Settings {
            if (attempts < 1) {
                throw new IllegalArgumentException("ratelink.escalation.send-attempts must be at least 1, got " + attempts);
            }
            if (maxPerSurvey < 1) {
                throw new IllegalArgumentException("ratelink.escalation.max-per-survey must be at least 1, got " + maxPerSurvey);
            }
            if (maxPerManagerHour < 0) {
                throw new IllegalArgumentException("ratelink.escalation.max-per-manager-hour must not be negative");
            }
        }
    }

    /** What became of a check or a replay. */
    public sealed interface Outcome {
        /** Nothing to send, and why. */
        record Ignored(Reason reason) implements Outcome {
        }

        /** Accepted by the SMTP server now. */
        record Sent(Escalation escalation) implements Outcome {
        }

        /** Refused on every try, or nobody to send it to: kept as failed. */
        record Failed(Escalation escalation) implements Outcome {
        }

        /** No answer in time, or its sender died mid-send: kept as unknown for a person. */
        record Unknown(Escalation escalation) implements Outcome {
        }

        /** Held back by the manager's hourly limit. */
        record Held(Escalation escalation) implements Outcome {
        }

        /** Another check or replay handled it: nothing was sent. */
        record AlreadyHandled(Escalation existing) implements Outcome {
        }

        /** No escalation has that id. */
        record NotFound(EscalationId id) implements Outcome {
        }
    }

    /** Why a check sends nothing. */
    public enum Reason {
        /** The rating is gone (retention). */
        REMOVED,
        /** The rating changed again since; that change's own check decides. */
        SUPERSEDED,
        /** The rating is not in its scale's low band. */
        NOT_LOW,
        /** The clicks look like a mail scanner's: nothing escalates until a person confirms. */
        HELD_AS_SUSPECT,
        /** Already reported, and nothing new to tell. */
        ALREADY_ESCALATED,
        /** The survey's thread has all the emails it may have; what is new stays on the rating. */
        SURVEY_LIMIT
    }

    public Escalator(EscalationPolicy policy, RatingStore ratings, EscalationStore store, ManagerDirectory directory,
            EscalationComposer<M> composer, RecentScores recentScores, MessageIds messageIds, Channel<M> channel,
            Pause pause, Clock clock, Settings settings) {
        this.policy = policy;
        this.ratings = ratings;
        this.store = store;
        this.directory = directory;
        this.composer = composer;
        this.recentScores = recentScores;
        this.messageIds = messageIds;
        this.channel = channel;
        this.pause = pause;
        this.clock = clock;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends what the survey's rating calls for now that its change to {@code version} has settled. Safe to repeat.
     *
     * @throws EscalationStore.StoreUnavailable      a table out of reach: the check must be tried again
     * @throws io.ratelink.storage.StoreUnavailable   the ratings table out of reach: the check must be tried again
     * @throws ManagerDirectory.DirectoryUnavailable the agents table out of reach: the check must be tried again
     * @throws SendInProgress                        another invocation is sending for the survey: try again later
     * @throws OutOfTime                             the deadline came first; the claim was let go for the retry
     */
    public Outcome check(String surveyId, long version, Deadline deadline) {
        Optional<Rating> found = ratings.find(surveyId);
        if (found.isEmpty()) {
            return new Outcome.Ignored(Reason.REMOVED);
        }
        Rating rating = found.get();
        if (rating.version() > version) {
            return new Outcome.Ignored(Reason.SUPERSEDED);
        }
        if (!policy.isInEpisode(rating)) {
            return new Outcome.Ignored(policy.isLow(rating) ? Reason.HELD_AS_SUSPECT : Reason.NOT_LOW);
        }
        List<Escalation> thread = store.thread(surveyId);
        Optional<Escalation> unfinished = thread.stream().filter(email -> email.status().isInFlight()).findFirst();
        if (unfinished.isPresent()) {
            return resume(unfinished.get(), deadline);
        }
        Optional<Escalation> next = next(rating, thread);
        if (next.isEmpty()) {
            return new Outcome.Ignored(Reason.ALREADY_ESCALATED);
        }
        if (next.get().id().position() >= settings.maxPerSurvey()) {
            LOG.infof("escalation.limit survey=%s: its thread has %d emails, the most one survey may have; the new "
                    + "comment stays on the rating", surveyId, thread.size());
            return new Outcome.Ignored(Reason.SURVEY_LIMIT);
        }
        EscalationStore.Claim claim = store.claimNew(next.get());
        if (claim instanceof EscalationStore.Claim.Ours ours) {
            return deliver(ours.escalation(), deadline, true);
        }
        Escalation existing = ((EscalationStore.Claim.Taken) claim).existing();
        return existing.status().isInFlight() ? resume(existing, deadline) : new Outcome.AlreadyHandled(existing);
    }

    /** Sends an email a person asked to send again (failed, held back, or of unknown outcome), with the same content. */
    public Outcome replay(EscalationId id, Deadline deadline) {
        Instant now = clock.instant();
        EscalationStore.Claim claim = store.claimForReplay(id, now, now.plus(settings.claimTimeout()));
        if (claim instanceof EscalationStore.Claim.Ours ours) {
            LOG.infof("escalation.replay id=%s after %d earlier attempts", id, ours.escalation().attempts());
            return deliver(ours.escalation(), deadline, false);
        }
        if (claim instanceof EscalationStore.Claim.Taken taken) {
            return new Outcome.AlreadyHandled(taken.existing());
        }
        return new Outcome.NotFound(id);
    }

    /** The email the rating calls for, given the survey's thread so far: the escalation, a follow-up, or none. */
    private Optional<Escalation> next(Rating rating, List<Escalation> thread) {
        Instant now = clock.instant();
        Instant until = now.plus(settings.claimTimeout());
        if (thread.isEmpty()) {
            EscalationId id = EscalationId.first(rating.surveyId());
            return Optional.of(Escalation.claimed(id, LowRating.of(rating, rating.changedAt()), rating.version(),
                    Optional.empty(), messageIds.of(id), Optional.empty(), now, until));
        }
        Optional<String> comment = rating.comment().filter(text -> !text.isBlank());
        Optional<String> reported = thread.get(thread.size() - 1).rating().comment();
        if (comment.isEmpty() || comment.equals(reported)) {
            return Optional.empty();
        }
        Escalation first = thread.get(0);
        EscalationId id = EscalationId.followUp(rating.surveyId(), thread.get(thread.size() - 1).id().position() + 1);
        return Optional.of(Escalation.claimed(id, LowRating.of(rating, rating.commentAt().orElse(rating.changedAt())),
                rating.version(), Optional.of(first.rating().score()), messageIds.of(id),
                Optional.of(first.messageId()), now, until));
    }

    /** An email another invocation was working on: in progress, to take over, or of unknown outcome. */
    private Outcome resume(Escalation inFlight, Deadline deadline) {
        Instant now = clock.instant();
        if (!inFlight.isAbandonedAt(now)) {
            throw new SendInProgress(inFlight.id());
        }
        if (inFlight.status() == EscalationStatus.SENDING) {
            Escalation unknown = store.markUnknown(inFlight, inFlight.attempts(),
                    "its sender stopped while the SMTP server had it: it may have been delivered", now);
            return unknownOutcome(unknown);
        }
        EscalationStore.Claim claim = store.takeOver(inFlight, now, now.plus(settings.claimTimeout()));
        if (claim instanceof EscalationStore.Claim.Ours ours) {
            return deliver(ours.escalation(), deadline, ours.escalation().recipient().isEmpty());
        }
        if (claim instanceof EscalationStore.Claim.Taken taken) {
            return new Outcome.AlreadyHandled(taken.existing());
        }
        return new Outcome.NotFound(inFlight.id());
    }

    /**
     * Delivers a claimed email. Until it is handed to the SMTP server, anything unexpected gives the claim up for the
     * retry to take at once.
     *
     * @param countAgainstLimit whether the email takes a place in the manager's hourly allowance (not for a person's replay)
     */
    private Outcome deliver(Escalation claimed, Deadline deadline, boolean countAgainstLimit) {
        Optional<Recipient> recipient = releasingOnFailure(claimed, () -> directory.recipientFor(claimed.rating().agentId()));
        if (recipient.isEmpty()) {
            return failed(store.markFailed(claimed, Optional.empty(), claimed.attempts(),
                    "nobody to send it to: agent " + claimed.rating().agentId() + " has no manager on file and "
                            + "ratelink.escalation.fallback-address is not set", clock.instant()));
        }
        String address = recipient.get().address();
        int heldBefore = claimed.heldBack();
        if (countAgainstLimit && settings.maxPerManagerHour() > 0) {
            EscalationStore.Slot slot = releasingOnFailure(claimed, () -> store.takeHourlySlot(address,
                    ManagerAllowance.hourOf(clock.instant()), settings.maxPerManagerHour()));
            if (!slot.granted()) {
                Escalation held = store.markHeld(claimed, address, "held back: " + address + " had "
                        + settings.maxPerManagerHour() + " escalations this hour", clock.instant());
                LOG.infof("escalation.held id=%s to=%s: the hourly limit of %d emails is reached; the next email to "
                        + "this manager says so", claimed.id(), address, settings.maxPerManagerHour());
                return new Outcome.Held(held);
            }
            heldBefore = slot.heldBefore();
        }
        Escalation current = claimed.withHeldBack(heldBefore);
        Optional<RecentScore> recent = recentScores.forAgent(claimed.rating().agentId(), claimed.rating().scale());
        M email = composer.compose(current, recipient.get(), recent);
        int attempts = claimed.attempts();
        Duration delay = settings.firstDelay();
        for (int tries = 1; ; tries++) {
            if (!deadline.allows(settings.sendTimeout().plus(RECORD_MARGIN))) {
                throw outOfTime(current, attempts);
            }
            int heldBack = heldBefore;
            Escalation toSend = current;
            Escalation sending = releasingOnFailure(toSend,
                    () -> store.startSending(toSend, address, heldBack, clock.instant()));
            if (sending.status() != EscalationStatus.SENDING) {
                return new Outcome.AlreadyHandled(sending);
            }
            attempts++;
            SendResult result = channel.send(email, settings.sendTimeout());
            if (result instanceof SendResult.Accepted) {
                Escalation sent = recordSent(sending, attempts, deadline);
                LOG.infof("escalation.sent id=%s kind=%s to=%s attempts=%d", sent.id(), sent.kind(), address, attempts);
                return new Outcome.Sent(sent);
            }
            if (result instanceof SendResult.Unknown unknown) {
                int total = attempts;
                return unknownOutcome(withWriteRetries(deadline,
                        () -> store.markUnknown(sending, total, unknown.reason(), clock.instant())));
            }
            String reason = ((SendResult.Refused) result).reason();
            LOG.warnf("Escalation %s: try %d of %d refused: %s", claimed.id(), tries, settings.attempts(), reason);
            if (tries >= settings.attempts()) {
                int total = attempts;
                return failed(withWriteRetries(deadline,
                        () -> store.markFailed(sending, Optional.of(address), total, reason, clock.instant())));
            }
            int total = attempts;
            Escalation again = withWriteRetries(deadline, () -> store.refused(sending, total, reason, clock.instant()));
            if (!deadline.allows(delay.plus(settings.sendTimeout()).plus(RECORD_MARGIN))) {
                throw outOfTime(again, attempts);
            }
            sleep(delay);
            delay = delay.multipliedBy(2);
            current = again;
        }
    }

    /** Records the SMTP server's acceptance, retrying the write (never the send) while the deadline allows. */
    private Escalation recordSent(Escalation sending, int attempts, Deadline deadline) {
        return withWriteRetries(deadline, () -> store.markSent(sending, attempts, clock.instant()));
    }

    private Escalation withWriteRetries(Deadline deadline, Supplier<Escalation> write) {
        Duration pauseBetween = FIRST_WRITE_RETRY;
        while (true) {
            try {
                return write.get();
            } catch (EscalationStore.StoreUnavailable refused) {
                if (!deadline.allows(pauseBetween.plus(RECORD_MARGIN.dividedBy(2)))) {
                    LOG.errorf("The escalations table would not record how a send ended (%s); the email stays "
                            + "'sending' and is reported as %s once its claim runs out", refused.getMessage(),
                            UNKNOWN_LOG_TERM);
                    throw refused;
                }
                LOG.warnf("The escalations table refused to record how a send ended (%s); writing again in %d ms",
                        refused.getMessage(), pauseBetween.toMillis());
                sleep(pauseBetween);
                pauseBetween = pauseBetween.multipliedBy(2).compareTo(LONGEST_WRITE_RETRY) > 0
                        ? LONGEST_WRITE_RETRY : pauseBetween.multipliedBy(2);
            }
        }
    }

    private <T> T releasingOnFailure(Escalation claimed, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException unfinished) {
            try {
                store.release(claimed, claimed.attempts(), clock.instant());
            } catch (RuntimeException alsoFailed) {
                unfinished.addSuppressed(alsoFailed);
            }
            throw unfinished;
        }
    }

    private OutOfTime outOfTime(Escalation claimed, int attempts) {
        try {
            store.release(claimed, attempts, clock.instant());
        } catch (RuntimeException notReleased) {
            LOG.warnf("Escalation %s could not be let go (%s); its claim runs out at %s", claimed.id(),
                    notReleased.getMessage(), claimed.claimedUntil().orElse(null));
        }
        return new OutOfTime(claimed.id());
    }

    private Outcome failed(Escalation failed) {
        if (failed.status() != EscalationStatus.FAILED) {
            return new Outcome.AlreadyHandled(failed);
        }
        LOG.errorf("%s id=%s kind=%s survey=%s ticket=%s agent=%s attempts=%d error=%s; list it with "
                        + "GET /v1/escalations?status=failed and replay it with POST /v1/escalations/%s/retry",
                FAILED_LOG_TERM, failed.id(), failed.kind(), failed.rating().surveyId(), failed.rating().ticketId(),
                failed.rating().agentId(), failed.attempts(), failed.lastError().orElse(""), failed.id());
        return new Outcome.Failed(failed);
    }

    private Outcome unknownOutcome(Escalation unknown) {
        if (unknown.status() != EscalationStatus.UNKNOWN) {
            return new Outcome.AlreadyHandled(unknown);
        }
        LOG.errorf("%s id=%s kind=%s survey=%s ticket=%s to=%s error=%s; it may have been delivered, so it is not sent "
                        + "again by itself: check with the recipient, list it with GET /v1/escalations?status=unknown "
                        + "and replay it with POST /v1/escalations/%s/retry",
                UNKNOWN_LOG_TERM, unknown.id(), unknown.kind(), unknown.rating().surveyId(), unknown.rating().ticketId(),
                unknown.recipient().orElse("?"), unknown.lastError().orElse(""), unknown.id());
        return new Outcome.Unknown(unknown);
    }

    private void sleep(Duration duration) {
        try {
            pause.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", interrupted);
        }
    }

    /**
     * Another invocation holds the claim on an email of this survey and its claim has not run out: the task must be
     * tried again later, when the email is sent or the claim can be taken over.
     */
    public static final class SendInProgress extends RuntimeException {
        SendInProgress(EscalationId id) {
            super("escalation " + id + " is being sent by another invocation");
        }
    }

    /** The invocation's time ran out before the email could be tried (again); the claim was let go for the retry. */
    public static final class OutOfTime extends RuntimeException {
        OutOfTime(EscalationId id) {
            super("escalation " + id + " was left for the retry: the invocation's time is nearly up");
        }
    }
}
