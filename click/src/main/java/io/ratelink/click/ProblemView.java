package io.ratelink.click;

import io.ratelink.survey.Messages;

/**
 * A page that says why nothing was recorded: expired, invalid, unavailable, failed.
 *
 * @param retry     whether to offer a button that loads the link again
 * @param reference the line that names a failure's error id; empty for none
 */
public record ProblemView(Messages msg, String title, String body, boolean retry, String reference) {

    public String lang() {
        return msg.htmlLang();
    }

    public String dir() {
        return msg.dir();
    }
}
