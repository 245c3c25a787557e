package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionArtifactsTest {

    @TempDir
    Path root;

    @Test
    void theDefaultLayoutIsEachModulesTargetFunctionZip() {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        assertThat(artifacts.httpZip()).isEqualTo(root.resolve("http/target/function.zip"));
        assertThat(artifacts.recomputeZip()).isEqualTo(root.resolve("recompute/target/function.zip"));
        assertThat(artifacts.notifyZip()).isEqualTo(root.resolve("notify/target/function.zip"));
    }

    @Test
    void aMissingZipIsReportedWithItsFunctionPathAndHowToBuildIt() throws IOException {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        build(artifacts.httpZip());

        assertThatThrownBy(artifacts::requireAllExist)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'recompute'")
                .hasMessageContaining(artifacts.recomputeZip().toString())
                .hasMessageContaining("-pl recompute");
    }

    @Test
    void thePlaceholderStandsInOnlyForMissingZipsAndSaysWhich() throws IOException {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        build(artifacts.httpZip());
        Path placeholder = build(root.resolve("infra/target/placeholder/function.zip"));

        FunctionArtifacts.WithPlaceholders substituted = artifacts.withPlaceholderForMissing(placeholder);

        assertThat(substituted.replaced()).isEqualTo(List.of("recompute", "notify"));
        assertThat(substituted.artifacts().httpZip()).isEqualTo(artifacts.httpZip());
        assertThat(substituted.artifacts().recomputeZip()).isEqualTo(placeholder);
        assertThat(substituted.artifacts().notifyZip()).isEqualTo(placeholder);
        substituted.artifacts().requireAllExist();
    }

    private static Path build(Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        return Files.write(zip, new byte[] {'P', 'K'});
    }
}
