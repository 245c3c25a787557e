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

/**
 * Tells browsers from link previews and scanners by user agent, from the data file
 * {@code scanners/user-agents.txt}: one {@code KIND substring} per line, matched case-insensitively.
 */
public final class ClientClassifier {

    private record Rule(ClientKind kind, String fragment) {
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
                rules.add(new Rule(ClientKind.valueOf(trimmed.substring(0, space)),
                        trimmed.substring(space + 1).strip().toLowerCase(Locale.ROOT)));
            }
        }
        return new ClientClassifier(rules);
    }

    public ClientKind classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return ClientKind.NONE;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (ua.contains(rule.fragment())) {
                return rule.kind();
            }
        }
        return ClientKind.BROWSER;
    }
}
