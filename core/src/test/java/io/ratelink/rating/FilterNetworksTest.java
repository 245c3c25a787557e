package io.ratelink.rating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterNetworksTest {

    final FilterNetworks networks = FilterNetworks.fromClasspath();

    @ParameterizedTest
    @ValueSource(strings = { "40.92.0.1", "40.93.255.254", "40.107.22.91", "52.103.1.1", "104.47.127.9",
            "2a01:111:f400:fe1e::10", "[2a01:111:f403:c000::1]", "::ffff:40.107.1.2" })
    void addressesInExchangeOnlineProtectionAreFound(String address) {
        assertThat(networks.rangeOf(address)).get().asString().endsWith("Microsoft Exchange Online Protection");
    }

    @ParameterizedTest
    @ValueSource(strings = { "40.94.0.1", "104.47.128.1", "52.104.0.0", "203.0.113.24", "2a01:111:f401::1", "127.0.0.1" })
    void addressesOutsideTheRangesAreNot(String address) {
        assertThat(networks.rangeOf(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "localhost", "example.com", "40.107.300.1", "1.2.3", "deadbeef.example", "g::1" })
    void anythingButAnAddressLiteralIsNeverLookedUpAndMatchesNothing(String text) {
        assertThat(FilterNetworks.literal(text)).isEmpty();
        assertThat(networks.rangeOf(text)).isEmpty();
    }

    @Test
    void theRangeIsNamedAsTheDataFileWritesIt() {
        assertThat(networks.rangeOf("40.107.22.91")).contains("40.107.0.0/16 Microsoft Exchange Online Protection");
    }

    @Test
    void aMalformedLineIsRefusedWhenTheFileIsRead() {
        assertThatThrownBy(() -> FilterNetworks.parse(new ByteArrayInputStream("40.107.0.0 no prefix\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FilterNetworks.parse(new ByteArrayInputStream("10.0.0.0/33 too long\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixThatEndsInsideAByteComparesOnlyItsBits() throws IOException {
        FilterNetworks odd = FilterNetworks.parse(new ByteArrayInputStream("198.51.100.64/26 test range\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(odd.rangeOf("198.51.100.64")).isPresent();
        assertThat(odd.rangeOf("198.51.100.127")).isPresent();
        assertThat(odd.rangeOf("198.51.100.128")).isEmpty();
        assertThat(odd.rangeOf("198.51.100.63")).isEmpty();
    }
}
