package io.ratelink.survey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @Test
    void theLanguagesAreTheBundlesInTheSourcesEnglishFirst() throws IOException {
        List<String> bundles;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
            bundles = files.map(file -> file.getFileName().toString()).toList();
        }

        assertThat(Languages.all()).first().isEqualTo("en");
        assertThat(Languages.all()).hasSize(bundles.size()).contains("fa", "ro", "zh");
        assertThat(Languages.all()).allSatisfy(language -> assertThat(bundles).contains(Languages.bundle(language).substring("messages/".length())));
        assertThat(Languages.translations()).isEqualTo(Languages.all().subList(1, Languages.all().size()));
    }

    @ParameterizedTest
    @MethodSource("io.ratelink.survey.Languages#translations")
    void everyLanguageTranslatesEveryEnglishMessage(String language) throws IOException {
        assertThat(untranslated(MessagesTest.class.getClassLoader(), language)).isEmpty();
    }

    @Test
    void aBundleAddedBesideTheEnglishOneIsALanguageAndItsMissingMessagesAreNamed(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("with-german.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            copy(out, Languages.bundle("en"), "/messages/ratelink.properties");
            copy(out, Languages.bundle("de"), "/partial-translation/ratelink_de.properties");
        }

        try (URLClassLoader withGerman = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            assertThat(Languages.on(withGerman)).containsExactly("en", "de");
            assertThat(untranslated(withGerman, "de"))
                    .contains("missing: page.expired.body", "missing: escalation.subject", "only here: page.greeting")
                    .doesNotContain("missing: lang.tag", "missing: scale.CSAT_3.question");
        }
    }

    @ParameterizedTest
    @MethodSource("io.ratelink.survey.Languages#all")
    void eachBundleNamesItsLanguageItsDirectionAndItsName(String language) {
        Messages messages = Messages.forTag(language);

        assertThat(messages.languageTag()).isEqualTo(language);
        assertThat(Locale.forLanguageTag(messages.htmlLang()).getLanguage()).isEqualTo(Locale.forLanguageTag(language).getLanguage());
        assertThat(Messages.forTag(messages.htmlLang()).languageTag()).isEqualTo(language);
        assertThat(messages.dir()).isIn("ltr", "rtl");
        assertThat(messages.get("lang.name")).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("io.ratelink.survey.Languages#all")
    void everyScaleHasAQuestionAndWordsForItsEnds(String tag) {
        Messages messages = Messages.forTag(tag);
        for (Scale scale : Scale.values()) {
            assertThat(messages.question(scale)).isNotBlank();
            assertThat(messages.label(scale, scale.min())).isNotEqualTo(Integer.toString(scale.min()));
            assertThat(messages.label(scale, scale.max())).isNotEqualTo(Integer.toString(scale.max()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.ratelink.survey.Languages#all")
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
        assertThat(Messages.forTag("zh-Hans").languageTag()).isEqualTo("zh");
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

    /** The keys a language's bundle lacks, and those it has that English does not, one line each. */
    private static List<String> untranslated(ClassLoader loader, String language) throws IOException {
        Set<String> english = load(loader, Languages.bundle("en")).stringPropertyNames();
        Set<String> translated = load(loader, Languages.bundle(language)).stringPropertyNames();
        List<String> differences = new ArrayList<>();
        english.stream().filter(key -> !translated.contains(key)).sorted().forEach(key -> differences.add("missing: " + key));
        translated.stream().filter(key -> !english.contains(key)).sorted().forEach(key -> differences.add("only here: " + key));
        return differences;
    }

    private static Properties load(ClassLoader loader, String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static void copy(JarOutputStream jar, String entry, String testResource) throws IOException {
        jar.putNextEntry(new JarEntry(entry));
        try (InputStream in = MessagesTest.class.getResourceAsStream(testResource)) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }
}
