package io.ratelink.survey;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    @Test
    void noKeyAtAllIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SigningKeys.of("k1", Map.of()))
                .hasMessageContaining("ratelink.signing.keys");
    }

    @Test
    void aKeyShorterThan256BitsIsRefusedNamingIt() {
        assertThatThrownBy(() -> SigningKeys.of("k1", Map.of("k1", "too-short")))
                .hasMessageContaining("ratelink.signing.keys.k1").hasMessageContaining("32");
    }

    @Test
    void anActiveKidWithoutAKeyIsRefusedNamingBoth() {
        assertThatThrownBy(() -> SigningKeys.of("k2", Map.of("k1", "a-key-that-is-long-enough-for-hs256-000")))
                .hasMessageContaining("ratelink.signing.active-kid").hasMessageContaining("k1");
    }
}
