package io.ratelink.http.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserTest {

    @Test
    void aMissingBrowserFailsSayingHowToInstallIt() {
        assertThatThrownBy(() -> Browser.requireInstalled(Paths.get("/nonexistent/chromium"), "chromium"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/chromium")
                .hasMessageContaining("apt-get install -y chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji")
                .hasMessageContaining(".ci/run");
    }
}
