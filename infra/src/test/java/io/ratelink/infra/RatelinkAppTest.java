package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatelinkAppTest {

    @TempDir
    Path root;

    @Test
    void withoutAPlaceholderTheArtifactsAreUsedAsGiven() {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);

        FunctionArtifacts.WithPlaceholders deployable =
                RatelinkApp.deployable(artifacts, Optional.empty(), StackSettings.stage("dev"));

        assertThat(deployable.artifacts()).isEqualTo(artifacts);
        assertThat(deployable.replaced()).isEmpty();
    }

    @Test
    void aDevStageMayStandAPlaceholderInForAModuleNotBuiltYet() throws IOException {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        Path placeholder = Files.write(root.resolve("placeholder.zip"), new byte[] {'P', 'K'});

        FunctionArtifacts.WithPlaceholders deployable =
                RatelinkApp.deployable(artifacts, Optional.of(placeholder), StackSettings.stage("dev"));

        assertThat(deployable.replaced()).isEqualTo(List.of("http", "recompute", "notify"));
    }

    @Test
    void prodRefusesPlaceholderCode() throws IOException {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        Path placeholder = Files.write(root.resolve("placeholder.zip"), new byte[] {'P', 'K'});

        assertThatThrownBy(() -> RatelinkApp.deployable(artifacts, Optional.of(placeholder), StackSettings.stage("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[http, recompute, notify]");
    }
}
