package io.ratelink.dashboard.access;

import io.ratelink.survey.SigningKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String K1 = "dashboard-key-one-0123456789abcdefghij";
    private static final String K2 = "dashboard-key-two-0123456789abcdefghij";
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AccessTokens signingWithK1 = new AccessTokens(SigningKeys.of("k1", Map.of("k1", K1), "p"), clock);
    private final AccessTokens rotatedToK2 = new AccessTokens(SigningKeys.of("k2", Map.of("k1", K1, "k2", K2), "p"), clock);
    private final SignInLink link = new SignInLink("Lead@Example.com", "lid-1", "fa", Optional.of("/dashboard/teams?w=30d"),
            NOW.plusSeconds(900));

    @Test
    void aLinkVerifiesWithItsClaimsAndAfterARotationToo() {
        String token = signingWithK1.mintLink(link);

        assertThat(signingWithK1.verifyLink(token)).isEqualTo(new TokenCheck.Valid<>(link));
        assertThat(rotatedToK2.verifyLink(token)).isEqualTo(new TokenCheck.Valid<>(link));
        assertThat(header(rotatedToK2.mintLink(link))).contains("\"kid\":\"k2\"");
    }

    @Test
    void aLinkPastItsTimeIsExpiredAndATamperedOneRejected() {
        AccessTokens later = new AccessTokens(SigningKeys.of("k1", Map.of("k1", K1), "p"), Clock.fixed(NOW.plusSeconds(900), ZoneOffset.UTC));
        String token = signingWithK1.mintLink(link);
        String[] parts = token.split("\\.");
        String otherAddress = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("Lead@Example.com", "other@example.com").getBytes(StandardCharsets.UTF_8));

        assertThat(later.verifyLink(token)).isEqualTo(new TokenCheck.Expired<>(link));
        assertThat(signingWithK1.verifyLink(parts[0] + "." + otherAddress + "." + parts[2])).isInstanceOf(TokenCheck.Rejected.class);
        assertThat(signingWithK1.verifyLink(token.substring(0, token.length() - 1))).isInstanceOf(TokenCheck.Rejected.class);
        assertThat(new AccessTokens(SigningKeys.of("k2", Map.of("k2", K2), "p"), clock).verifyLink(token))
                .as("a key no longer configured").isInstanceOf(TokenCheck.Rejected.class);
        assertThat(signingWithK1.verifyLink("x".repeat(AccessTokens.MAX_TOKEN_LENGTH + 1))).isInstanceOf(TokenCheck.Rejected.class);
    }

    @Test
    void aLinkIsNoSessionAndASessionNoLink() {
        Session session = new Session("lead@example.com", NOW, NOW.plusSeconds(43_200));
        String sessionToken = signingWithK1.mintSession(session);
        String linkToken = signingWithK1.mintLink(link);

        assertThat(signingWithK1.verifySession(sessionToken)).isEqualTo(new TokenCheck.Valid<>(session));
        assertThat(signingWithK1.verifySession(linkToken)).isInstanceOf(TokenCheck.Rejected.class);
        assertThat(signingWithK1.verifyLink(sessionToken)).isInstanceOf(TokenCheck.Rejected.class);
        assertThat(AccessTokens.readLinkUnverified(sessionToken)).isEmpty();
    }

    @Test
    void theMailingFunctionReadsALinkWithoutTheKey() {
        assertThat(AccessTokens.readLinkUnverified(signingWithK1.mintLink(link))).contains(link);
        assertThat(AccessTokens.readLinkUnverified("not.a.token")).isEmpty();
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }
}
