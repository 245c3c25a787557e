package io.ratelink.http.capture;

import io.ratelink.survey.Messages;

/** A page that says why nothing was recorded: expired, invalid, unavailable. {@code retry} may be empty. */
public record ProblemView(Messages msg, String title, String body, boolean retry) {

    public String lang() {
        return msg.htmlLang();
    }

    public String dir() {
        return msg.dir();
    }
}
