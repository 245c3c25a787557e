package io.ratelink.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class LinkSignerTest {

    static final JsonNode VECTORS = readVectors();
    static final Clock AT_VECTORS_NOW = Clock.fixed(Instant.parse(VECTORS.get("now").asText()), ZoneOffset.UTC);

    static LinkSigner vectorSigner() {
        Map<String, String> keys = new LinkedHashMap<>();
        VECTORS.get("keys").fields().forEachRemaining(key -> keys.put(key.getKey(), key.getValue().asText()));
        return new LinkSigner(SigningKeys.of(VECTORS.get("activeKid").asText(), keys), AT_VECTORS_NOW);
    }

    static Stream<JsonNode> valid() {
        return elements("valid");
    }

    static Stream<JsonNode> rejected() {
        return elements("rejected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validVectorVerifiesToItsClaims(JsonNode vector) {
        LinkCheck check = vectorSigner().verify(vector.get("token").asText());

        assertThat(check).isInstanceOf(LinkCheck.Valid.class);
        ObjectMapper json = new ObjectMapper();
        JsonNode verified = json.valueToTree(LinkSigner.toJson(((LinkCheck.Valid) check).claims()));
        assertThat(verified.toString()).isEqualTo(vector.get("claims").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void mintingTheVectorClaimsGivesTheVectorTokenByteForByte(JsonNode vector) {
        SurveyClaims claims = LinkSigner.fromJson(claimsOf(vector));

        assertThat(vectorSigner().mint(claims)).isEqualTo(vector.get("token").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validVectorSignatureIsPlainHmacSha256SoAnyLibraryCanMintIt(JsonNode vector) throws Exception {
        String token = vector.get("token").asText();
        String signingInput = token.substring(0, token.lastIndexOf('.'));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(VECTORS.get("keys").get("2026-11").asText().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertThat(token).endsWith("." + signature);
    }

    @Test
    void expiredVectorIsRecognisedAsGenuineButExpired() {
        JsonNode vector = VECTORS.get("expired").get(0);

        LinkCheck check = vectorSigner().verify(vector.get("token").asText());

        assertThat(check).isInstanceOf(LinkCheck.Expired.class);
        assertThat(((LinkCheck.Expired) check).claims().locale()).isEqualTo("en");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectedVectorIsRefusedForItsReason(JsonNode vector) {
        LinkCheck check = vectorSigner().verify(vector.get("token").asText());

        assertThat(check).isEqualTo(new LinkCheck.Rejected(LinkCheck.Reason.valueOf(vector.get("reason").asText())));
    }

    @Test
    void oversizedTokenIsRefusedBeforeAnyParsing() {
        String valid = VECTORS.get("valid").get(0).get("token").asText();
        String padded = valid + "A".repeat(LinkSigner.MAX_TOKEN_LENGTH - valid.length() + 1);

        assertThat(vectorSigner().verify(padded)).isEqualTo(new LinkCheck.Rejected(LinkCheck.Reason.OVERSIZED));
        assertThat(vectorSigner().verify("x".repeat(1_000_000))).isEqualTo(new LinkCheck.Rejected(LinkCheck.Reason.OVERSIZED));
    }

    @Test
    void aKeyThatIsNoLongerActiveKeepsVerifyingItsLinks() {
        SigningKeys before = SigningKeys.of("old", Map.of("old", "an-old-key-that-signed-last-month-links"));
        SigningKeys after = SigningKeys.of("new", Map.of("old", "an-old-key-that-signed-last-month-links",
                "new", "the-new-key-that-signs-from-today-on-0001"));
        SurveyClaims claims = LinkSigner.fromJson(claimsOf(VECTORS.get("valid").get(0)));
        String oldLink = new LinkSigner(before, AT_VECTORS_NOW).mint(claims);

        LinkSigner rotated = new LinkSigner(after, AT_VECTORS_NOW);

        assertThat(rotated.verify(oldLink)).isEqualTo(new LinkCheck.Valid(claims));
        assertThat(rotated.mint(claims)).startsWith(headerWithKid("new"));
    }

    @Test
    void signedClaimsWithAScoreOffTheScaleAreRefused() {
        Map<String, Object> claims = claimsOf(VECTORS.get("valid").get(0));
        claims.put("s", 9);

        assertThat(LinkSigner.fromJson(claims)).isNull();
    }

    @Test
    void aLinkMintedElsewhereWithoutIatSaysNothingAboutWhenItWasSent() {
        JsonNode vector = elements("valid").filter(v -> !v.get("claims").has("iat")).findFirst().orElseThrow();

        LinkCheck check = vectorSigner().verify(vector.get("token").asText());

        assertThat(check).isInstanceOfSatisfying(LinkCheck.Valid.class, valid -> {
            assertThat(valid.claims().issuedAt()).isEmpty();
            assertThat(valid.claims().expiresAt()).isEqualTo(Instant.ofEpochSecond(vector.get("claims").get("exp").asLong()));
        });
    }

    @Test
    void anIatThatIsNotANumberIsRefused() {
        Map<String, Object> claims = claimsOf(VECTORS.get("valid").get(0));
        claims.put("iat", "yesterday");

        assertThat(LinkSigner.fromJson(claims)).isNull();
    }

    @Test
    void signedClaimsBeyondTheLimitsMintingAppliesAreRefused() {
        Map<String, Object> claims = claimsOf(VECTORS.get("valid").get(0));
        for (String id : List.of("t", "a", "tm")) {
            Map<String, Object> atLimit = new LinkedHashMap<>(claims);
            atLimit.put(id, "x".repeat(SurveyClaims.MAX_ID_LENGTH));
            Map<String, Object> over = new LinkedHashMap<>(claims);
            over.put(id, "x".repeat(SurveyClaims.MAX_ID_LENGTH + 1));
            Map<String, Object> blank = new LinkedHashMap<>(claims);
            blank.put(id, " ");

            assertThat(LinkSigner.fromJson(atLimit)).as(id + " at the limit").isNotNull();
            assertThat(LinkSigner.fromJson(over)).as(id + " over the limit").isNull();
            assertThat(LinkSigner.fromJson(blank)).as(id + " blank").isNull();
        }
        Map<String, Object> customerAtLimit = new LinkedHashMap<>(claims);
        customerAtLimit.put("c", "c".repeat(SurveyClaims.MAX_CUSTOMER_REF_LENGTH));
        Map<String, Object> customerOver = new LinkedHashMap<>(claims);
        customerOver.put("c", "c".repeat(SurveyClaims.MAX_CUSTOMER_REF_LENGTH + 1));
        Map<String, Object> controlCharacters = new LinkedHashMap<>(claims);
        controlCharacters.put("t", "T-1\r\nBcc: someone");

        assertThat(LinkSigner.fromJson(customerAtLimit)).isNotNull();
        assertThat(LinkSigner.fromJson(customerOver)).isNull();
        assertThat(LinkSigner.fromJson(controlCharacters)).isNull();
    }

    @Test
    void everyTokenChangedInOneCharacterIsRejected() {
        String valid = VECTORS.get("valid").get(0).get("token").asText();
        LinkSigner signer = vectorSigner();
        for (int i = 0; i < valid.length(); i++) {
            char original = valid.charAt(i);
            if (original == '.') {
                continue;
            }
            char replacement = original == 'A' ? 'B' : 'A';
            String changed = valid.substring(0, i) + replacement + valid.substring(i + 1);
            assertThat(signer.verify(changed)).as("token changed at %d", i).isInstanceOf(LinkCheck.Rejected.class);
        }
    }

    private static String headerWithKid(String kid) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"kid\":\"" + kid + "\"").getBytes(StandardCharsets.UTF_8)).substring(0, 10);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claimsOf(JsonNode vector) {
        return new ObjectMapper().convertValue(vector.get("claims"), LinkedHashMap.class);
    }

    private static Stream<JsonNode> elements(String group) {
        return StreamSupport.stream(VECTORS.get(group).spliterator(), false);
    }

    private static JsonNode readVectors() {
        try (InputStream in = LinkSignerTest.class.getResourceAsStream("/token-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
