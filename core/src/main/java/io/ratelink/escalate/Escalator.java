package io.ratelink.escalate;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.ratelink.rating.Rating;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends each low-rating episode's escalation, and each later comment's follow-up, exactly once.
 *
 * <p>Before a send, a conditional write claims the email in the escalations table under an id derived from the
 * stream record ({@link EscalationId}): a redelivered record finds it claimed or sent and sends nothing. A send is
 * tried with a doubling pause between tries; after the last try the escalation is marked failed, logged as
 * {@code escalation.failed}, and waits to be listed and replayed ({@link #replay}). A send that fails unexpectedly
 * (the agents table out of reach) gives its claim up for the redelivery; an invocation that dies between claim and
 * outcome leaves a claim that runs out, after which a redelivery or a replay takes it over.
 */
public class Escalator {

    /** What the failed-escalations alarm counts in the logs. */
    public static final String FAILED_LOG_TERM = "escalation.failed";

    private static final Logger LOG = Logger.getLogger(Escalator.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final EscalationPolicy policy;
    private final EscalationStore store;
    private final ManagerDirectory directory;
    private final EscalationMail mail;
    private final RecentScores recentScores;
    private final MessageIds messageIds;
    private final Pause pause;
    private final Clock clock;
    private final Retries retries;

    /**
     * How hard a send is tried.
     *
     * @param attempts     tries per send, at least one
     * @param firstDelay   the pause after the first failed try; it doubles after each further one
     * @param sendTimeout  how long one try may take before it counts as failed
     * @param claimTimeout how long a claim belongs to the invocation that made it
     */
    public record Retries(int attempts, Duration firstDelay, Duration sendTimeout, Duration claimTimeout) {
        public Retries {
            if (attempts < 1) {
                throw new IllegalArgumentException("ratelink.escalation.send-attempts must be at least 1, got " + attempts);
            }
        }
    }

    /** What became of one change of a rating, or of a replay. */
    public sealed interface Outcome {
        /** Nothing to send. */
        record Ignored(Decision.Reason reason) implements Outcome {
        }

        /** Accepted by the SMTP server now. */
        record Sent(Escalation escalation) implements Outcome {
        }

        /** Every try failed, or there was nobody to send it to: kept as failed. */
        record Failed(Escalation escalation) implements Outcome {
        }

        /** Sent, failed or being sent already: a redelivery or a second replay, and nothing was sent. */
        record AlreadyHandled(Escalation existing) implements Outcome {
        }

        /** No escalation has that id. */
        record NotFound(EscalationId id) implements Outcome {
        }
    }

    public Escalator(EscalationPolicy policy, EscalationStore store, ManagerDirectory directory, EscalationMail mail,
            RecentScores recentScores, MessageIds messageIds, Pause pause, Clock clock, Retries retries) {
        this.policy = policy;
        this.store = store;
        this.directory = directory;
        this.mail = mail;
        this.recentScores = recentScores;
        this.messageIds = messageIds;
        this.pause = pause;
        this.clock = clock;
        this.retries = retries;
    }

    /**
     * Acts on one change of a rating, as a stream record reports it. Safe to call again with the same change.
     *
     * @throws EscalationStore.StoreUnavailable   when the escalations table cannot be reached: the record must be retried
     * @throws ManagerDirectory.DirectoryUnavailable when the agents table cannot be reached: the record must be retried
     * @throws SendInProgress                      when another invocation is sending it: the record must be retried
     */
    public Outcome onChange(Optional<Rating> before, Optional<Rating> after) {
        Decision decision = policy.decide(before, after);
        if (decision instanceof Decision.Escalate escalate) {
            return escalate(escalate.rating());
        }
        if (decision instanceof Decision.FollowUp followUp) {
            return followUp(followUp.rating());
        }
        return new Outcome.Ignored(((Decision.Nothing) decision).reason());
    }

    /** Sends a failed escalation again (or one whose sender died), with the same id, Message-ID and content. */
    public Outcome replay(EscalationId id) {
        Instant now = clock.instant();
        EscalationStore.Claim claim = store.claimForReplay(id, now, now.plus(retries.claimTimeout()));
        if (claim instanceof EscalationStore.Claim.Ours ours) {
            LOG.infof("escalation.replay id=%s after %d earlier attempts", id, ours.escalation().attempts());
            return deliverOrRelease(ours.escalation());
        }
        if (claim instanceof EscalationStore.Claim.Taken taken) {
            return new Outcome.AlreadyHandled(taken.existing());
        }
        return new Outcome.NotFound(id);
    }

    private Outcome escalate(Rating rating) {
        EscalationId id = EscalationId.episode(rating.surveyId(), rating.version());
        return claimAndDeliver(id, LowRating.of(rating, rating.changedAt()), Optional.empty(), Optional.empty());
    }

    private Outcome followUp(Rating rating) {
        Optional<Escalation> episode = store.latestEpisode(rating.surveyId(), rating.version());
        if (episode.isEmpty()) {
            LOG.infof("No escalation on record for low survey %s; its comment starts the episode", rating.surveyId());
            return escalate(rating);
        }
        EscalationId id = EscalationId.followUp(rating.surveyId(), rating.version());
        LowRating commented = LowRating.of(rating, rating.commentAt().orElse(rating.changedAt()));
        return claimAndDeliver(id, commented, Optional.of(episode.get().rating().score()),
                Optional.of(episode.get().messageId()));
    }

    private Outcome claimAndDeliver(EscalationId id, LowRating rating, Optional<Integer> escalatedScore,
            Optional<String> inReplyTo) {
        Instant now = clock.instant();
        Escalation fresh = Escalation.claimed(id, rating, escalatedScore, messageIds.of(id), inReplyTo, now,
                now.plus(retries.claimTimeout()));
        EscalationStore.Claim claim = store.claimNew(fresh, now);
        if (claim instanceof EscalationStore.Claim.Ours ours) {
            return deliverOrRelease(ours.escalation());
        }
        if (claim instanceof EscalationStore.Claim.Taken taken && taken.existing().status() != EscalationStatus.SENDING) {
            LOG.infof("Escalation %s is %s already; nothing sent", id, taken.existing().status().attributeValue());
            return new Outcome.AlreadyHandled(taken.existing());
        }
        throw new SendInProgress(id);
    }

    /** Delivers a claimed escalation; should that fail unexpectedly, gives the claim up for the retry to take. */
    private Outcome deliverOrRelease(Escalation claimed) {
        try {
            return deliver(claimed);
        } catch (RuntimeException unfinished) {
            try {
                store.release(claimed, clock.instant());
            } catch (RuntimeException alsoFailed) {
                unfinished.addSuppressed(alsoFailed);
            }
            throw unfinished;
        }
    }

    private Outcome deliver(Escalation claimed) {
        Optional<Recipient> recipient = directory.recipientFor(claimed.rating().agentId());
        if (recipient.isEmpty()) {
            return failed(claimed, Optional.empty(), claimed.attempts(),
                    "nobody to send it to: agent " + claimed.rating().agentId()
                            + " has no manager on file and ratelink.escalation.fallback-address is not set");
        }
        Optional<RecentScore> recent = recentScores.forAgent(claimed.rating().agentId(), claimed.rating().scale());
        MailTemplateInstance email = mail.compose(claimed, recipient.get(), recent);
        String address = recipient.get().address();
        int attempts = claimed.attempts();
        Duration delay = retries.firstDelay();
        String lastError = "not tried";
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            attempts++;
            try {
                email.send().await().atMost(retries.sendTimeout());
                Escalation sent = store.markSent(claimed, address, attempts, clock.instant());
                LOG.infof("escalation.sent id=%s kind=%s to=%s attempts=%d", claimed.id(), claimed.kind(), address, attempts);
                return new Outcome.Sent(sent);
            } catch (RuntimeException refused) {
                lastError = describe(refused);
                LOG.warnf("Escalation %s: try %d of %d failed: %s", claimed.id(), attempt, retries.attempts(), lastError);
            }
            if (attempt < retries.attempts()) {
                try {
                    pause.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return failed(claimed, Optional.of(address), attempts, lastError + " (interrupted before the next try)");
                }
                delay = delay.multipliedBy(2);
            }
        }
        return failed(claimed, Optional.of(address), attempts, lastError);
    }

    private Outcome failed(Escalation claimed, Optional<String> address, int attempts, String error) {
        Escalation failed = store.markFailed(claimed, address, attempts, error, clock.instant());
        if (failed.status() == EscalationStatus.SENT) {
            return new Outcome.AlreadyHandled(failed);
        }
        LOG.errorf("%s id=%s kind=%s survey=%s ticket=%s agent=%s attempts=%d error=%s; list it with "
                        + "GET /v1/escalations?status=failed and replay it with POST /v1/escalations/%s/retry",
                FAILED_LOG_TERM, claimed.id(), claimed.kind(), claimed.rating().surveyId(), claimed.rating().ticketId(),
                claimed.rating().agentId(), attempts, error, claimed.id());
        return new Outcome.Failed(failed);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_ERROR_LENGTH ? oneLine.substring(0, MAX_ERROR_LENGTH) : oneLine;
    }

    /**
     * Another invocation holds the claim on this email and its claim has not run out: the stream record must be
     * retried later, when the email is sent or the claim can be taken over.
     */
    public static final class SendInProgress extends RuntimeException {
        SendInProgress(EscalationId id) {
            super("escalation " + id + " is being sent by another invocation");
        }
    }
}
