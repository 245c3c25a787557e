package io.ratelink.rating;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells browsers from link previews and scanners by user agent, from the data file
 * {@code scanners/user-agents.txt}: one {@code KIND substring} per line, matched case-insensitively, the first
 * matching line winning. {@code KIND substring <N} matches a user agent in which the substring is directly followed
 * by a major version below {@code N} ({@code OLD_BROWSER Chrome/ <100}).
 */
public final class ClientClassifier {

    private static final Pattern VERSION_BOUND = Pattern.compile("^(.*\\S)\\s+<(\\d+)$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\d+");

    private record Rule(ClientKind kind, String fragment, int versionBelow, String written) {

        boolean matches(String userAgent) {
            int at = userAgent.indexOf(fragment);
            if (versionBelow == 0 || at < 0) {
                return at >= 0;
            }
            for (; at >= 0; at = userAgent.indexOf(fragment, at + 1)) {
                Matcher version = LEADING_NUMBER.matcher(userAgent.substring(at + fragment.length()));
                if (version.find() && version.group().length() <= 6 && Integer.parseInt(version.group()) < versionBelow) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Rule> rules;

    private ClientClassifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ClientClassifier fromClasspath() {
        try (InputStream in = ClientClassifier.class.getResourceAsStream("/scanners/user-agents.txt")) {
            if (in == null) {
                throw new IllegalStateException("scanners/user-agents.txt is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientClassifier parse(InputStream in) throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("user-agents.txt: expected 'KIND substring' but got: " + line);
                }
                ClientKind kind = ClientKind.valueOf(trimmed.substring(0, space));
                String pattern = trimmed.substring(space + 1).strip();
                Matcher bound = VERSION_BOUND.matcher(pattern);
                rules.add(bound.matches()
                        ? new Rule(kind, bound.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(bound.group(2)), pattern)
                        : new Rule(kind, pattern.toLowerCase(Locale.ROOT), 0, pattern));
            }
        }
        return new ClientClassifier(rules);
    }

    public ClientKind classify(String userAgent) {
        return match(userAgent).kind();
    }

    /** The kind of client and the rule that said so. */
    public ClientMatch match(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new ClientMatch(ClientKind.NONE, "");
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.matches(ua)) {
                return new ClientMatch(rule.kind(), rule.written());
            }
        }
        return new ClientMatch(ClientKind.BROWSER, "");
    }
}
