package io.ratelink.http;

import io.ratelink.local.FunctionZips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The check every function module's build runs on its function.zip (FunctionZipIT). */
class FunctionZipsTest {

    @Test
    void aZipWithinItsBudgetAndWithoutDevelopmentEnginesPasses(@TempDir Path dir) throws IOException {
        Path zip = zip(dir, "lib/software.amazon.awssdk.dynamodb-2.42.7.jar", "lib/io.quarkus.quarkus-core-3.34.1.jar");

        assertThat(FunctionZips.problems(zip, Files.size(zip))).isEmpty();
    }

    @Test
    void aZipOverItsBudgetIsNamedWithItsSize(@TempDir Path dir) throws IOException {
        Path zip = zip(dir, "lib/io.quarkus.quarkus-core-3.34.1.jar");

        assertThat(FunctionZips.problems(zip, Files.size(zip) - 1)).singleElement().asString()
                .contains("over its budget");
    }

    @Test
    void everyDevelopmentEngineInTheZipIsNamed(@TempDir Path dir) throws IOException {
        Path zip = zip(dir, "lib/com.amazonaws.DynamoDBLocal-2.6.1.jar",
                "lib/com.almworks.sqlite4java.sqlite4java-1.0.392.jar", "lib/com.icegreen.greenmail-2.1.13.jar",
                "lib/org.elasticmq.elasticmq-rest-sqs_2.13-1.6.14.jar", "lib/org.apache.pekko.pekko-actor_2.13-1.1.3.jar",
                "lib/org.scala-lang.scala-library-2.13.16.jar");

        assertThat(FunctionZips.problems(zip, Long.MAX_VALUE)).hasSize(6)
                .allSatisfy(problem -> assertThat(problem).contains("holds a development engine"));
    }

    @Test
    void theEntriesOfALibraryAFunctionMustNotCarryAreNamedWhateverTheirCase(@TempDir Path dir) throws IOException {
        Path zip = zip(dir, "lib/io.quarkus.quarkus-mailer-3.34.1.jar", "lib/io.quarkus.quarkus-core-3.34.1.jar",
                "templates/EscalationMail/escalation.html");

        assertThat(FunctionZips.entriesNamed(zip, List.of("Quarkus-Mailer", "escalationmail")))
                .containsExactly("lib/io.quarkus.quarkus-mailer-3.34.1.jar", "templates/EscalationMail/escalation.html");
    }

    private static Path zip(Path dir, String... entries) throws IOException {
        Path zip = dir.resolve("function.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(entry.getBytes());
                out.closeEntry();
            }
        }
        return zip;
    }
}
