package io.ratelink.rating;

import io.ratelink.survey.LinkCheck;
import io.ratelink.survey.SurveyClaims;

/** What happened to a request on a rating link, for the page that answers it. */
public sealed interface CaptureResult {

    /**
     * Every kind of result, one method each: a kind added and not answered fails the build (the build targets Java
     * 17, without pattern matching in {@code switch}).
     *
     * @param <T> what the caller makes of a result
     */
    interface Cases<T> {
        T recorded(Recorded result);

        T notRecorded(NotRecorded result);

        T expired(Expired result);

        T rejected(Rejected result);

        T invalid(Invalid result);

        T unavailable(Unavailable result);
    }

    /** What {@code cases} makes of this result. */
    <T> T match(Cases<T> cases);

    /**
     * The answer went to the store; {@code rating} is the item as it stands after it. A held answer leaves the rating
     * {@code suspect}, and the page asks the person to confirm; a held click on a counted rating leaves it as it was.
     */
    record Recorded(SurveyClaims claims, Rating rating, boolean commentSaved) implements CaptureResult {

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.recorded(this);
        }

        /** Whether the rating waits for a person to confirm it. */
        public boolean awaitsConfirmation() {
            return rating.status() == RatingStatus.SUSPECT;
        }
    }

    /** Nothing was recorded on purpose: a request made ahead of a person. */
    record NotRecorded(SurveyClaims claims, LookAhead kind) implements CaptureResult {

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.notRecorded(this);
        }
    }

    /** The link is genuine but expired. */
    record Expired(SurveyClaims claims) implements CaptureResult {

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.expired(this);
        }
    }

    /** Not a link ratelink signed (tampered, truncated, unknown key, oversized…), or a survey id clash. */
    record Rejected(LinkCheck.Reason reason) implements CaptureResult {

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.rejected(this);
        }
    }

    /** The form sent something the page never offers (a score off the scale, a comment over the limit or not text). */
    record Invalid(SurveyClaims claims, Problem problem, String comment) implements CaptureResult {

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.invalid(this);
        }
    }

    /** The database did not take the answer; nothing was recorded. */
    record Unavailable(SurveyClaims claims) implements CaptureResult {

        @Override
        public <T> T match(Cases<T> cases) {
            return cases.unavailable(this);
        }
    }

    /** Requests that look at a link ahead of a person and write nothing. */
    enum LookAhead {
        /** A {@code HEAD} request: mail scanners check links with it, at delivery and again at click time. */
        HEAD,
        /** A prefetch, prerender or preview announced by a purpose header. */
        PREFETCH
    }

    enum Problem {
        SCORE_NOT_ON_SCALE,
        COMMENT_TOO_LONG,
        /** The form's comment was not UTF-8 text: bytes garbled on the way, or sent by something other than the page. */
        COMMENT_UNREADABLE
    }
}
