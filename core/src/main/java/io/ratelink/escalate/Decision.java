package io.ratelink.escalate;

import io.ratelink.rating.Rating;

/** What one change of a rating calls for: a new escalation, a follow-up in its thread, or nothing. */
public sealed interface Decision {

    /** The rating has just moved into the low band: the start of an episode, escalated once. */
    record Escalate(Rating rating) implements Decision {
    }

    /** A rating that stays low got a new comment: a reply in the episode's thread. */
    record FollowUp(Rating rating) implements Decision {
    }

    /** Nothing to send, and why. */
    record Nothing(Reason reason) implements Decision {
    }

    enum Reason {
        /** The item was deleted (retention). */
        REMOVED,
        /** The rating is not in its scale's low band. */
        NOT_LOW,
        /** The rating was low and no longer is: leaving the band sends nothing. */
        LEFT_LOW_BAND,
        /** The clicks look like a mail scanner's: nothing escalates until a person confirms. */
        HELD_AS_SUSPECT,
        /** Still low, already escalated, and no new comment. */
        ALREADY_ESCALATED
    }
}
