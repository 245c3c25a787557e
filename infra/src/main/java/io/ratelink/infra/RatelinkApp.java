package io.ratelink.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CDK app: synthesizes the {@code ratelink-<stage>} stack into a cloud assembly.
 *
 * <p>System properties: {@code ratelink.artifacts.http|recompute|notify} (default
 * {@code ../<module>/target/function.zip}, the layout seen from {@code infra/}), {@code ratelink.outdir}, and
 * {@code ratelink.<context key>} for every key of {@link StackSettings#CONTEXT_KEYS}. A missing artifact fails the
 * synthesis, unless {@code ratelink.artifacts.placeholder} names a zip to stand in for it, which stage
 * {@code prod} refuses.
 */
public final class RatelinkApp {

    private RatelinkApp() {
    }

    public static void main(String[] args) {
        App app = new App(appProps());
        StackSettings settings = StackSettings.fromContext(app.getNode());

        FunctionArtifacts requested = FunctionArtifacts.underRoot(Path.of(".."));
        FunctionArtifacts artifacts = new FunctionArtifacts(
                artifactProperty("http", requested.httpZip()),
                artifactProperty("recompute", requested.recomputeZip()),
                artifactProperty("notify", requested.notifyZip()));

        FunctionArtifacts.WithPlaceholders deployable =
                deployable(artifacts, property("ratelink.artifacts.placeholder").map(Path::of), settings);
        String description = "ratelink (" + settings.stage() + "): one-click ratings, Lambda functions on DynamoDB";
        if (!deployable.replaced().isEmpty()) {
            System.err.println("WARNING: placeholder code (not deployable) for " + deployable.replaced()
                    + ": their function.zip was not built");
            description += " [PLACEHOLDER CODE for " + String.join(", ", deployable.replaced()) + "]";
        }

        new RatelinkStack(app, "ratelink-" + settings.stage(),
                StackProps.builder().description(description).build(), settings, deployable.artifacts());
        app.synth();
    }

    /**
     * The artifacts to synthesize with: as given, or with the placeholder standing in for missing ones, which stage
     * prod refuses. Without a placeholder nothing is replaced, and the stack fails on a missing zip.
     */
    static FunctionArtifacts.WithPlaceholders deployable(FunctionArtifacts artifacts, Optional<Path> placeholder,
                                                         StackSettings settings) {
        if (placeholder.isEmpty()) {
            return new FunctionArtifacts.WithPlaceholders(artifacts, List.of());
        }
        FunctionArtifacts.WithPlaceholders substituted = artifacts.withPlaceholderForMissing(placeholder.get());
        if (settings.isProd() && !substituted.replaced().isEmpty()) {
            throw new IllegalStateException("Stage prod deploys real code only, and these functions have no function.zip: "
                    + substituted.replaced() + ". Build their modules first.");
        }
        return substituted;
    }

    private static AppProps appProps() {
        Map<String, Object> context = new HashMap<>();
        for (String key : StackSettings.CONTEXT_KEYS) {
            property("ratelink." + key).ifPresent(value -> context.put(key, value));
        }
        AppProps.Builder props = AppProps.builder().context(context);
        property("ratelink.outdir").ifPresent(props::outdir);
        return props.build();
    }

    private static Path artifactProperty(String function, Path fallback) {
        return property("ratelink.artifacts." + function).map(Path::of).orElse(fallback);
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
