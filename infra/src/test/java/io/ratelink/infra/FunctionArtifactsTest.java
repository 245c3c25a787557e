package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionArtifactsTest {

    @TempDir
    Path root;

    @Test
    void theDefaultLayoutIsEachModulesTargetFunctionZip() {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        assertThat(artifacts.captureZip()).isEqualTo(root.resolve("capture/target/function.zip"));
        assertThat(artifacts.httpZip()).isEqualTo(root.resolve("http/target/function.zip"));
        assertThat(artifacts.recomputeZip()).isEqualTo(root.resolve("recompute/target/function.zip"));
        assertThat(artifacts.notifyZip()).isEqualTo(root.resolve("notify/target/function.zip"));
    }

    @Test
    void aMissingZipIsReportedWithItsFunctionPathAndHowToBuildIt() throws IOException {
        FunctionArtifacts artifacts = FunctionArtifacts.underRoot(root);
        build(artifacts.captureZip());
        build(artifacts.httpZip());

        assertThatThrownBy(artifacts::requireAllExist)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'recompute'")
                .hasMessageContaining(artifacts.recomputeZip().toString())
                .hasMessageContaining("-pl recompute");
    }

    private static Path build(Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        return Files.write(zip, new byte[] {'P', 'K'});
    }
}
