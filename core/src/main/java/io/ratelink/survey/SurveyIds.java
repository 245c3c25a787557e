package io.ratelink.survey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Survey ids: 128 random bits, base64url without padding (22 characters). */
public final class SurveyIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private SurveyIds() {
    }

    public static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static boolean isWellFormed(String surveyId) {
        return surveyId != null && FORMAT.matcher(surveyId).matches();
    }
}
