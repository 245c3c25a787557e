package io.ratelink.http.dashboard.access;

import io.ratelink.survey.Messages;

/**
 * What the sign-in pages render.
 *
 * @param body    the page's sentence, already in its language
 * @param problem a sentence about what was sent, for the form; empty for none
 * @param next    where to go once signed in, carried through the form; empty for the dashboard's start
 * @param again   the address of the sign-in form in this language, with {@code next}
 */
public record AccessPageView(Messages msg, String title, String body, String problem, String email, String next,
        String again) {

    public String lang() {
        return msg.htmlLang();
    }

    public String dir() {
        return msg.dir();
    }

    public String language() {
        return msg.languageTag();
    }
}
