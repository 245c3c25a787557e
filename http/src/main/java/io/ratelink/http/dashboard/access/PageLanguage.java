package io.ratelink.http.dashboard.access;

import io.ratelink.survey.Messages;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/**
 * The language of a dashboard page: the {@code lang} query parameter (or form field) when it names a language ratelink
 * has, else the browser's {@code Accept-Language} in its order of preference, else English.
 */
final class PageLanguage {

    private PageLanguage() {
    }

    /** From the request's headers: every {@code Accept-Language} value, however the header was split. */
    static Messages of(String lang, HttpHeaders headers) {
        return of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Messages of(String lang, String acceptLanguage) {
        if (Messages.isSupported(lang)) {
            return Messages.forTag(lang);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange();
                    if (!tag.equals("*") && Messages.isSupported(tag)) {
                        return Messages.forTag(tag);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return Messages.forTag("en");
            }
        }
        return Messages.forTag("en");
    }
}
