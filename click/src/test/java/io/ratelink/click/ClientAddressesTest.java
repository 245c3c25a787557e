package io.ratelink.click;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private final ClientAddresses behindCloudFront = new ClientAddresses(List.of("130.176.0.0/17", "2600:9000::/28"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        ClientAddresses direct = new ClientAddresses(List.of());

        assertThat(direct.of(Optional.of("203.0.113.24"), Optional.of("104.47.58.12"))).contains("203.0.113.24");
    }

    @Test
    void aTrustedProxysRequestIsJudgedByTheNearestForwardedAddressThatIsNotOne() {
        assertThat(behindCloudFront.of(Optional.of("130.176.12.7"), Optional.of("104.47.58.12")))
                .contains("104.47.58.12");
        assertThat(behindCloudFront.of(Optional.of("2600:9000:1:2::7"), Optional.of("198.51.100.1, 104.47.58.12, 130.176.1.1")))
                .as("what a client wrote to the left of the proxies' own entries is not believed")
                .contains("104.47.58.12");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientEvenIfItForwardsSomething() {
        assertThat(behindCloudFront.of(Optional.of("203.0.113.24"), Optional.of("104.47.58.12"))).contains("203.0.113.24");
    }

    @Test
    void aTrustedProxyThatForwardsNothingUsableIsTheClient() {
        assertThat(behindCloudFront.of(Optional.of("130.176.12.7"), Optional.empty())).contains("130.176.12.7");
        assertThat(behindCloudFront.of(Optional.of("130.176.12.7"), Optional.of(" , "))).contains("130.176.12.7");
    }

    @Test
    void aSingleAddressIsATrustedProxyOfItsOwn() {
        ClientAddresses oneProxy = new ClientAddresses(List.of("192.0.2.1", "::1"));

        assertThat(oneProxy.of(Optional.of("192.0.2.1"), Optional.of("104.47.58.12"))).contains("104.47.58.12");
        assertThat(oneProxy.of(Optional.of("::1"), Optional.of("104.47.58.12"))).contains("104.47.58.12");
        assertThat(oneProxy.of(Optional.of("192.0.2.2"), Optional.of("104.47.58.12"))).contains("192.0.2.2");
    }
}
