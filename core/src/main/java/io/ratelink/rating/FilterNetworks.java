package io.ratelink.rating;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address ranges of mail filtering services, from the data file {@code scanners/networks.txt}: one
 * {@code CIDR name} per line, IPv4 or IPv6. Addresses are parsed as literals only; nothing is ever looked up.
 */
public final class FilterNetworks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** One range: its first address's bytes, the prefix length, and how the data file writes and names it. */
    private record Network(byte[] base, int prefixLength, String name, String cidr) {

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (base[full] & mask);
        }

        String describe() {
            return cidr + " " + name;
        }
    }

    private final List<Network> networks;

    private FilterNetworks(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    public static FilterNetworks fromClasspath() {
        try (InputStream in = FilterNetworks.class.getResourceAsStream("/scanners/networks.txt")) {
            if (in == null) {
                throw new IllegalStateException("scanners/networks.txt is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ranges given as CIDRs or single addresses, all under one name: e.g. the proxies a deployment trusts. */
    public static FilterNetworks of(List<String> ranges, String name) {
        StringBuilder lines = new StringBuilder();
        for (String range : ranges) {
            String cidr = range.strip();
            if (!cidr.contains("/")) {
                cidr += cidr.contains(":") ? "/128" : "/32";
            }
            lines.append(cidr).append(' ').append(name).append('\n');
        }
        try {
            return parse(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FilterNetworks parse(InputStream in) throws IOException {
        List<Network> networks = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                int slash = parts[0].indexOf('/');
                byte[] base = slash < 0 ? null : literal(parts[0].substring(0, slash)).orElse(null);
                if (base == null || parts.length < 2) {
                    throw new IllegalArgumentException("networks.txt: expected 'CIDR name' but got: " + line);
                }
                int prefix = Integer.parseInt(parts[0].substring(slash + 1));
                if (prefix < 0 || prefix > base.length * 8) {
                    throw new IllegalArgumentException("networks.txt: prefix length out of range in: " + line);
                }
                networks.add(new Network(base, prefix, parts[1].strip(), parts[0]));
            }
        }
        return new FilterNetworks(networks);
    }

    /**
     * The range the address is in, as a held rating's reason names it
     * ({@code 40.107.0.0/16 Microsoft Exchange Online Protection}); empty when it is in none, or is not an IP literal.
     */
    public Optional<String> rangeOf(String address) {
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        return networks.stream().filter(network -> network.contains(bytes.get())).findFirst().map(Network::describe);
    }

    /**
     * The bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 address as IPv4). Anything else is refused before
     * {@link InetAddress} sees it, so a host name is never resolved.
     */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (IPV4.matcher(address).matches()) {
            String[] octets = address.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (address.length() <= 45 && IPV6.matcher(address).matches()) {
            try {
                return Optional.of(InetAddress.getByName("[" + address + "]").getAddress());
            } catch (UnknownHostException notAnAddress) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
