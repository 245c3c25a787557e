package io.ratelink.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CDK app: synthesizes the {@code ratelink-<stage>} stack into a cloud assembly.
 *
 * <p>System properties: {@code ratelink.artifacts.http|recompute|notify} (default
 * {@code ../<module>/target/function.zip}, the layout seen from {@code infra/}), {@code ratelink.outdir}, and
 * {@code ratelink.<context key>} for every key of {@link StackSettings#CONTEXT_KEYS}. A missing artifact fails the
 * synthesis with a message naming it: build the function modules first ({@code ./mvnw -B verify} builds them before
 * this module).
 */
public final class RatelinkApp {

    private RatelinkApp() {
    }

    public static void main(String[] args) {
        App app = new App(appProps());
        StackSettings settings = StackSettings.fromContext(app.getNode());

        FunctionArtifacts artifacts = artifacts(RatelinkApp::property);
        String description = "ratelink (" + settings.stage() + "): one-click ratings, Lambda functions on DynamoDB";

        new RatelinkStack(app, "ratelink-" + settings.stage(),
                StackProps.builder().description(description).build(), settings, artifacts);
        app.synth();
    }

    /** Each function's zip: {@code ratelink.artifacts.<function>} if set, else {@code ../<module>/target/function.zip}. */
    static FunctionArtifacts artifacts(java.util.function.Function<String, Optional<String>> property) {
        FunctionArtifacts layout = FunctionArtifacts.underRoot(Path.of(".."));
        return new FunctionArtifacts(
                property.apply("ratelink.artifacts.capture").map(Path::of).orElse(layout.captureZip()),
                property.apply("ratelink.artifacts.http").map(Path::of).orElse(layout.httpZip()),
                property.apply("ratelink.artifacts.recompute").map(Path::of).orElse(layout.recomputeZip()),
                property.apply("ratelink.artifacts.notify").map(Path::of).orElse(layout.notifyZip()));
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

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
