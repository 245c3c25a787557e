package io.ratelink.survey;

import java.time.Instant;
import java.util.List;

/** A minted survey: one signed link per answer, and the widget that shows them. */
public record MintedSurvey(String surveyId, Scale scale, String locale, Instant expiresAt, List<Link> links,
        String html, String text) {

    /** One answer's link. */
    public record Link(int score, String label, String url) {
    }
}
