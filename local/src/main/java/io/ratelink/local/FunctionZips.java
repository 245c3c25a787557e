package io.ratelink.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a packaged {@code function.zip}: no larger than its budget, and free of the engines that serve dev mode and
 * the tests (DynamoDB Local and its sqlite4java, GreenMail, the ElasticMQ queue engine and its Pekko and Scala).
 * Each function module's build asks it after packaging.
 */
public final class FunctionZips {

    /** Name fragments of the development engines' jars and native libraries. */
    public static final List<String> DEVELOPMENT_ENGINES = List.of("dynamodblocal", "sqlite4java", "greenmail",
            "elasticmq", "pekko", "scala-library", "scala-reflect", "org.scala-lang");

    private FunctionZips() {
    }

    /** What is wrong with the zip; empty when it is within its budget and holds no development engine. */
    public static List<String> problems(Path zip, long budgetBytes) throws IOException {
        List<String> problems = new ArrayList<>();
        long size = Files.size(zip);
        if (size > budgetBytes) {
            problems.add(String.format(Locale.ROOT, "%s is %,d bytes, over its budget of %,d bytes", zip, size,
                    budgetBytes));
        }
        entriesNamed(zip, DEVELOPMENT_ENGINES).forEach(name -> problems.add(zip + " holds a development engine: " + name));
        return problems;
    }

    /**
     * The zip's entries whose names hold any of {@code fragments} (whatever their case): for what a function must not
     * carry, such as a mail client in a function that sends no mail.
     */
    public static List<String> entriesNamed(Path zip, List<String> fragments) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.stream().map(ZipEntry::getName)
                    .filter(name -> fragments.stream().anyMatch(fragment ->
                            name.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))))
                    .toList();
        }
    }
}
