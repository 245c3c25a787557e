package io.ratelink.rating;

/**
 * Comments are plain text. Markup is kept as typed and escaped wherever a comment is shown; control
 * characters other than line breaks and tabs are dropped, and surrounding whitespace trimmed.
 */
public final class Comments {

    private Comments() {
    }

    public static String clean(String comment) {
        if (comment == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(comment.length());
        comment.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(text::appendCodePoint);
        return text.toString().strip();
    }
}
