package io.ratelink.click;

import io.ratelink.rating.FilterNetworks;

import java.util.List;
import java.util.Optional;

/**
 * The address a click came from, for the scanner guard: the connection's peer, or, when the peer is a proxy the
 * deployment trusts, the nearest address in {@code X-Forwarded-For} that is not one (a client can write anything to
 * the left of what the trusted proxies appended).
 */
public final class ClientAddresses {

    private final FilterNetworks trustedProxies;

    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = FilterNetworks.of(trustedProxies, "trusted proxy");
    }

    public Optional<String> of(Optional<String> peer, Optional<String> forwardedFor) {
        if (peer.isEmpty() || !trusted(peer.get()) || forwardedFor.isEmpty()) {
            return peer;
        }
        String[] hops = forwardedFor.get().split(",");
        for (int hop = hops.length - 1; hop >= 0; hop--) {
            String address = hops[hop].strip();
            if (!address.isEmpty() && !trusted(address)) {
                return Optional.of(address);
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        return trustedProxies.rangeOf(address).isPresent();
    }
}
