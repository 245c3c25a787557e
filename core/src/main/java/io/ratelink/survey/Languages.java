package io.ratelink.survey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The languages ratelink speaks: one for each message bundle beside the English one
 * ({@code messages/ratelink.properties}), named as the bundle's file is ({@code ratelink_fa.properties} is
 * {@code fa}). The list is read from the class path, so a new bundle is a new language everywhere that asks
 * here — the demo, the agents' validation, the tests that check every message is translated.
 *
 * <p>The bundles are listed from the folder or the jar that holds the English bundle: a directory while
 * developing and testing, {@code ratelink-core.jar} in a packaged function (in {@code lib/} of a Lambda
 * function.zip).
 */
public final class Languages {

    public static final String ENGLISH = "en";

    private static final String FOLDER = "messages/";
    private static final String ENGLISH_BUNDLE = FOLDER + "ratelink.properties";
    private static final Pattern TRANSLATION = Pattern.compile("messages/ratelink_([A-Za-z0-9_]+)\\.properties");

    private static final List<String> ALL = on(Languages.class.getClassLoader());

    private Languages() {
    }

    /** English first, then every other language with a bundle, e.g. {@code [en, fa, ro, zh]}. */
    public static List<String> all() {
        return ALL;
    }

    /** Every language but English: the ones whose bundles must translate every English message. */
    public static List<String> translations() {
        return ALL.subList(1, ALL.size());
    }

    /** The class path resource of a language's bundle. */
    public static String bundle(String language) {
        return ENGLISH.equals(language) ? ENGLISH_BUNDLE : FOLDER + "ratelink_" + language.replace('-', '_') + ".properties";
    }

    /** The languages whose bundles lie beside an English bundle on a class loader's class path. */
    static List<String> on(ClassLoader loader) {
        TreeSet<String> translations = new TreeSet<>();
        try {
            List<URL> englishBundles = Collections.list(loader.getResources(ENGLISH_BUNDLE));
            if (englishBundles.isEmpty()) {
                throw new IllegalStateException(ENGLISH_BUNDLE + " is not on the class path");
            }
            for (URL english : englishBundles) {
                for (String resource : siblings(english)) {
                    Matcher translation = TRANSLATION.matcher(resource);
                    if (translation.matches()) {
                        translations.add(translation.group(1).replace('_', '-'));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the message bundles", e);
        }
        List<String> languages = new ArrayList<>();
        languages.add(ENGLISH);
        languages.addAll(translations);
        return List.copyOf(languages);
    }

    /** The resources in the folder of {@code messages/ratelink.properties}, as class path names. */
    private static List<String> siblings(URL english) throws IOException {
        return switch (english.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(english.toURI()).getParent())) {
                    yield files.map(file -> FOLDER + file.getFileName()).toList();
                } catch (URISyntaxException e) {
                    throw new IOException("not a file: " + english, e);
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) english.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    yield jar.stream().map(JarEntry::getName).filter(name -> name.startsWith(FOLDER)).toList();
                }
            }
            default -> throw new IOException("cannot list the folder of " + english);
        };
    }
}
