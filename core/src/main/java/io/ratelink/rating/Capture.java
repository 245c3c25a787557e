package io.ratelink.rating;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.storage.StoreUnavailable;
import io.ratelink.survey.LinkCheck;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.SurveyClaims;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The click path: verify the link, let the {@link ScannerGuard} rule on the request, then record the answer with one
 * write. A click in the email records the link's own option; an answer on the page (a confirmation, a change, a
 * comment) records the option it carries. Requests made ahead of a person ({@code HEAD}, prefetch) record nothing.
 */
@ApplicationScoped
public class Capture {

    private final LinkSigner signer;
    private final RatingStore store;
    private final ScannerGuard guard;
    private final Clock clock;
    private final int maxCommentLength;

    public Capture(LinkSigner signer, RatingStore store, ScannerGuard guard, Clock clock, RatelinkConfig config) {
        this.signer = signer;
        this.store = store;
        this.guard = guard;
        this.clock = clock;
        this.maxCommentLength = config.comment().maxLength();
    }

    /** A {@code GET} from the email: records the link's option, unless it is a prefetch. */
    public CaptureResult click(String token, ClickRequest request) {
        return withValidLink(token, claims -> {
            if (guard.looksAhead(request)) {
                return new CaptureResult.NotRecorded(claims,
                        request.isHead() ? CaptureResult.LookAhead.HEAD : CaptureResult.LookAhead.PREFETCH);
            }
            Instant at = clock.instant();
            ScannerGuard.RequestSignals signals = guard.signals(request, claims.issuedAt(), at);
            return record(claims, Answer.click(claims, signals.client(), at), signals);
        });
    }

    /** A {@code HEAD}: checks the link and records nothing. */
    public CaptureResult peek(String token) {
        return withValidLink(token, claims -> new CaptureResult.NotRecorded(claims, CaptureResult.LookAhead.HEAD));
    }

    /**
     * A {@code POST} from the page: the option chosen there (the link's own when absent) and an optional comment.
     *
     * @param score   the form's score, as sent
     * @param comment the form's comment, as sent
     */
    public CaptureResult answer(String token, String score, String comment, ClickRequest request) {
        return withValidLink(token, claims -> {
            String text = Comments.clean(comment);
            if (text.codePointCount(0, text.length()) > maxCommentLength) {
                return new CaptureResult.Invalid(claims, CaptureResult.Problem.COMMENT_TOO_LONG, text);
            }
            Optional<Integer> chosen = parseScore(score);
            int point = chosen.orElse(claims.score());
            if (!claims.scale().isValid(point) || score != null && !score.isBlank() && chosen.isEmpty()) {
                return new CaptureResult.Invalid(claims, CaptureResult.Problem.SCORE_NOT_ON_SCALE, text);
            }
            Optional<String> saved = text.isEmpty() ? Optional.empty() : Optional.of(text);
            Instant at = clock.instant();
            ScannerGuard.RequestSignals signals = guard.signals(request, claims.issuedAt(), at);
            return record(claims, Answer.onPage(claims, point, signals.client(), at, saved), signals);
        });
    }

    /**
     * A {@code POST} from the page whose comment is not UTF-8 text: nothing is recorded, and the page asks again,
     * keeping what could be read.
     *
     * @param readable the comment as far as it could be decoded, unreadable bytes replaced
     */
    public CaptureResult unreadableComment(String token, String readable) {
        return withValidLink(token, claims -> new CaptureResult.Invalid(claims, CaptureResult.Problem.COMMENT_UNREADABLE,
                Comments.clean(readable)));
    }

    public int maxCommentLength() {
        return maxCommentLength;
    }

    private CaptureResult record(SurveyClaims claims, Answer answer, ScannerGuard.RequestSignals signals) {
        try {
            RatingStore.Recording recording = store.record(answer, guard.ruling(signals, answer.click()));
            return new CaptureResult.Recorded(claims, recording.rating(),
                    recording.saved() && answer.comment().isPresent());
        } catch (StoreUnavailable e) {
            return new CaptureResult.Unavailable(claims);
        } catch (SurveyConflict e) {
            return new CaptureResult.Rejected(LinkCheck.Reason.BAD_CLAIMS);
        }
    }

    private CaptureResult withValidLink(String token, Function<SurveyClaims, CaptureResult> onValid) {
        LinkCheck check = signer.verify(token);
        if (check instanceof LinkCheck.Valid valid) {
            return onValid.apply(valid.claims());
        }
        if (check instanceof LinkCheck.Expired expired) {
            return new CaptureResult.Expired(expired.claims());
        }
        return new CaptureResult.Rejected(((LinkCheck.Rejected) check).reason());
    }

    private static Optional<Integer> parseScore(String score) {
        if (score == null || score.isBlank() || score.length() > 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(score.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
