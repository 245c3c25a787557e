package io.ratelink.escalate;

import io.ratelink.survey.Languages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every language words every escalation email fully: no key falls back to English. */
class EscalationMessagesTest {

    private static final List<String> PREFIXES = List.of("escalation.", "mail.", "metric.", "window.");

    @Test
    void everyLanguageHasEveryEscalationMessage() throws IOException {
        Set<String> english = escalationKeys(Languages.bundle(Languages.ENGLISH));
        assertThat(english).contains("escalation.subject", "mail.fontFamily", "window.30d");
        assertThat(Languages.translations()).isNotEmpty();
        for (String language : Languages.translations()) {
            assertThat(escalationKeys(Languages.bundle(language))).as(language).isEqualTo(english);
        }
    }

    private static Set<String> escalationKeys(String resource) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = EscalationMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        for (String key : messages.stringPropertyNames()) {
            if (PREFIXES.stream().anyMatch(key::startsWith)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
