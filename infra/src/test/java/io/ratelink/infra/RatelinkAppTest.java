package io.ratelink.infra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RatelinkAppTest {

    @Test
    void withoutPropertiesEachFunctionIsItsModulesZipSeenFromInfra() {
        FunctionArtifacts artifacts = RatelinkApp.artifacts(name -> Optional.empty());

        assertThat(artifacts).isEqualTo(FunctionArtifacts.underRoot(Path.of("..")));
    }

    @Test
    void aPropertyNamesAFunctionsZipAndThereIsNoPlaceholderProperty() {
        Map<String, String> properties = Map.of(
                "ratelink.artifacts.notify", "/builds/notify.zip",
                "ratelink.artifacts.placeholder", "/builds/placeholder.zip");

        FunctionArtifacts artifacts = RatelinkApp.artifacts(name -> Optional.ofNullable(properties.get(name)));

        assertThat(artifacts.notifyZip()).isEqualTo(Path.of("/builds/notify.zip"));
        assertThat(artifacts.httpZip()).isEqualTo(FunctionArtifacts.underRoot(Path.of("..")).httpZip());
        assertThat(artifacts.recomputeZip()).isEqualTo(FunctionArtifacts.underRoot(Path.of("..")).recomputeZip());
    }
}
