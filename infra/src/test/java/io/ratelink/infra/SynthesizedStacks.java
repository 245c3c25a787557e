package io.ratelink.infra;

import io.ratelink.storage.TableSpec;
import io.ratelink.storage.Tables;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The stacks the tests read, each synthesized once per test run (a synthesis costs seconds), from small placeholder
 * zips: the assertions are about the template, not the code.
 */
final class SynthesizedStacks {

    static final StackSettings.CustomDomain CUSTOM_DOMAIN = new StackSettings.CustomDomain("rate.example.com",
            "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000");

    static final String EXISTING_KEYS_SECRET_NAME = "ratelink/dev-keys";
    static final String EXISTING_MAIL_SECRET_NAME = "ratelink/dev-mail";

    private record Variant(StackSettings settings, List<TableSpec> specs) {
    }

    private static final Variant PROD = new Variant(StackSettings.stage("prod"), Tables.ALL);

    /** Every option the prod fixture leaves out: a dev stage, existing secrets, a custom domain. */
    private static final Variant DEV_WITH_OPTIONS = new Variant(
            StackSettings.stage("dev").withExistingSecrets(EXISTING_KEYS_SECRET_NAME, EXISTING_MAIL_SECRET_NAME)
                    .withCustomDomain(CUSTOM_DOMAIN),
            Tables.ALL);

    private static final ConcurrentHashMap<Variant, TemplateJson> SYNTHESIZED = new ConcurrentHashMap<>();
    private static FunctionArtifacts placeholders;

    private SynthesizedStacks() {
    }

    static TemplateJson prod() {
        return SYNTHESIZED.computeIfAbsent(PROD, SynthesizedStacks::synthesize);
    }

    static TemplateJson devWithOptions() {
        return SYNTHESIZED.computeIfAbsent(DEV_WITH_OPTIONS, SynthesizedStacks::synthesize);
    }

    static synchronized FunctionArtifacts placeholderArtifacts() {
        if (placeholders == null) {
            try {
                Path dir = Files.createTempDirectory("ratelink-infra-test");
                dir.toFile().deleteOnExit();
                placeholders = new FunctionArtifacts(zip(dir, "capture"), zip(dir, "http"), zip(dir, "recompute"),
                        zip(dir, "notify"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return placeholders;
    }

    private static TemplateJson synthesize(Variant variant) {
        App app = new App();
        RatelinkStack stack = new RatelinkStack(app, "ratelink-" + variant.settings().stage(), StackProps.builder().build(),
                variant.settings(), placeholderArtifacts(), variant.specs());
        return new TemplateJson(Template.fromStack(stack));
    }

    private static Path zip(Path dir, String function) throws IOException {
        Path zip = dir.resolve(function + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("placeholder.txt"));
            out.write(("placeholder for the " + function + " function").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        zip.toFile().deleteOnExit();
        return zip;
    }
}
