package io.ratelink.rating;

import io.ratelink.survey.LinkCheck;
import io.ratelink.survey.SurveyClaims;

/** What happened to a request on a rating link, for the page that answers it. */
public sealed interface CaptureResult {

    /** The answer is stored; {@code rating} is the item as it stands after the write. */
    record Recorded(SurveyClaims claims, Rating rating, boolean commentSaved) implements CaptureResult {
    }

    /** Nothing was recorded on purpose (a {@code HEAD} request); the page shows the link's option. */
    record NotRecorded(SurveyClaims claims) implements CaptureResult {
    }

    /** The link is genuine but expired. */
    record Expired(SurveyClaims claims) implements CaptureResult {
    }

    /** Not a link ratelink signed (tampered, truncated, unknown key, oversized…), or a survey id clash. */
    record Rejected(LinkCheck.Reason reason) implements CaptureResult {
    }

    /** The form sent something the page never offers (a score off the scale, a comment over the limit). */
    record Invalid(SurveyClaims claims, Problem problem, String comment) implements CaptureResult {
    }

    /** The database did not take the answer; nothing was recorded. */
    record Unavailable(SurveyClaims claims) implements CaptureResult {
    }

    enum Problem {
        SCORE_NOT_ON_SCALE,
        COMMENT_TOO_LONG
    }
}
