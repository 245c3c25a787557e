package io.ratelink.survey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = { "zh", "fa", "ro" })
    void everyLanguageTranslatesEveryEnglishMessage(String language) throws IOException {
        Properties english = load("ratelink.properties");
        Properties translated = load("ratelink_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN", "fa", "ro" })
    void everyScaleHasAQuestionAndWordsForItsEnds(String tag) {
        Messages messages = Messages.forTag(tag);
        for (Scale scale : Scale.values()) {
            assertThat(messages.question(scale)).isNotBlank();
            assertThat(messages.label(scale, scale.min())).isNotEqualTo(Integer.toString(scale.min()));
            assertThat(messages.label(scale, scale.max())).isNotEqualTo(Integer.toString(scale.max()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh", "fa", "ro" })
    void messagesWithArgumentsKeepTheirArguments(String tag) {
        Messages messages = Messages.forTag(tag);

        String limit = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag(tag)).format(2000);
        assertThat(messages.get("page.comment.tooLong", 2000)).contains(limit).doesNotContain("{0}");
        assertThat(messages.get("page.expired.body", "1 December 2026")).contains("1 December 2026");
    }

    @Test
    void persianIsWrittenRightToLeftAndTheOthersLeftToRight() {
        assertThat(Messages.forTag("fa").dir()).isEqualTo("rtl");
        assertThat(Messages.forTag("en").dir()).isEqualTo("ltr");
        assertThat(Messages.forTag("zh-CN").dir()).isEqualTo("ltr");
        assertThat(Messages.forTag("ro").dir()).isEqualTo("ltr");
    }

    @Test
    void aRegionalTagUsesItsLanguageAndAnUnknownLanguageFallsBackToEnglish() {
        assertThat(Messages.forTag("zh-CN").languageTag()).isEqualTo("zh");
        assertThat(Messages.forTag("zh-CN").htmlLang()).isEqualTo("zh-Hans");
        assertThat(Messages.forTag("ro-RO").languageTag()).isEqualTo("ro");
        assertThat(Messages.forTag("sw").languageTag()).isEqualTo("en");
        assertThat(Messages.forTag(null).languageTag()).isEqualTo("en");
        assertThat(Messages.isSupported("fa")).isTrue();
        assertThat(Messages.isSupported("sw")).isFalse();
    }

    @Test
    void numberScalesNameOnlyTheirEndsAndFacesNameEveryPoint() {
        Messages english = Messages.forTag("en");

        assertThat(english.optionText(Scale.NPS, 0)).isEqualTo("0 – Not at all likely");
        assertThat(english.optionText(Scale.NPS, 5)).isEqualTo("5");
        assertThat(english.optionText(Scale.CSAT_3, 1)).isEqualTo("Bad");
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
