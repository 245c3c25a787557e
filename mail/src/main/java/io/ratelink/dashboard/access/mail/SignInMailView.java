package io.ratelink.dashboard.access.mail;

/**
 * What the sign-in email renders, every word already in the language the person asked in.
 *
 * @param start      the side lines start on: {@code left}, or {@code right} for a right-to-left language
 * @param fontFamily a font stack that has the language's glyphs
 * @param url        the sign-in link, {@code <base url>/dashboard/sign-in/<token>}
 */
public record SignInMailView(
        String lang,
        String dir,
        String start,
        String fontFamily,
        String subject,
        String title,
        String intro,
        String button,
        String url,
        String copyLink,
        String validity,
        String ignore,
        String footer) {
}
