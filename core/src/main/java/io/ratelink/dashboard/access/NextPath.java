package io.ratelink.dashboard.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where to go once signed in, as the page that sent a person to sign in asked: only a relative path under
 * {@code /dashboard} (with its query) is taken, so a sign-in link cannot send anyone to another site or another part of
 * this one.
 */
public final class NextPath {

    public static final String DASHBOARD = "/dashboard";
    public static final int MAX_LENGTH = 512;

    private static final Pattern SAFE = Pattern.compile("/dashboard(/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)*(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?");

    private NextPath() {
    }

    /** The path when it is one this application may send a person to after signing in; empty otherwise. */
    public static Optional<String> of(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || !SAFE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        String path = candidate.contains("?") ? candidate.substring(0, candidate.indexOf('?')) : candidate;
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (decoded.contains("..") || decoded.contains("//") || decoded.contains("\\")
                || !(decoded.equals(DASHBOARD) || decoded.startsWith(DASHBOARD + "/"))) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
