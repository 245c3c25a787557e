package io.ratelink.survey;

import io.ratelink.survey.HmacJws.Problem;
import io.ratelink.survey.HmacJws.Result;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class HmacJwsTest {

    private static final String K1 = "hmac-jws-test-key-one-0123456789abcdef";
    private static final String K2 = "hmac-jws-test-key-two-0123456789abcdef";
    private static final int MAX_LENGTH = 1024;
    private final HmacJws jws = new HmacJws(SigningKeys.of("k1", Map.of("k1", K1, "k2", K2)), MAX_LENGTH);

    @Test
    void signedClaimsVerifyWithTheirTypesAndTheHeaderNamesTheActiveKey() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sid", "abc");
        claims.put("s", 3);
        claims.put("exp", 4_102_444_800L);

        String token = jws.sign(claims);

        assertThat(decode(token.split("\\.")[0])).isEqualTo("{\"kid\":\"k1\",\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        assertThat(token).isEqualTo(signed("{\"kid\":\"k1\",\"typ\":\"JWT\",\"alg\":\"HS256\"}",
                "{\"sid\":\"abc\",\"s\":3,\"exp\":4102444800}", K1));
        Map<String, Object> verified = ((Result.Verified) jws.verify(token)).claims();
        assertThat(HmacJws.text(verified, "sid")).isEqualTo("abc");
        assertThat(HmacJws.number(verified, "s")).isEqualTo(3L);
        assertThat(HmacJws.number(verified, "exp")).isEqualTo(4_102_444_800L);
    }

    @Test
    void aTokenSignedWithAnotherConfiguredKeyVerifies() {
        String token = signed("{\"alg\":\"HS256\",\"kid\":\"k2\"}", "{\"sid\":\"abc\"}", K2);

        assertThat(jws.verify(token)).isInstanceOf(Result.Verified.class);
    }

    @Test
    void aHeaderWithoutAnAlgOrWithNoneOrWithARepeatedParameterIsNotAJwsHeader() {
        assertThat(refusal("{\"kid\":\"k1\"}", K1)).isEqualTo(Problem.MALFORMED);
        assertThat(refusal("{\"alg\":\"none\",\"kid\":\"k1\"}", K1)).isEqualTo(Problem.MALFORMED);
        assertThat(refusal("{\"alg\":\"HS256\",\"kid\":\"k1\",\"alg\":\"none\"}", K1)).isEqualTo(Problem.MALFORMED);
        assertThat(refusal("{\"alg\":\"HS256\",\"kid\":7}", K1)).isEqualTo(Problem.MALFORMED);
        assertThat(refusal("[\"HS256\"]", K1)).isEqualTo(Problem.MALFORMED);
        assertThat(refusal("{\"alg\":\"HS256\",\"kid\":\"k1\"} {}", K1)).isEqualTo(Problem.MALFORMED);
    }

    @Test
    void anotherAlgorithmAMissingKidOrAnyOtherHeaderParameterIsUnsupported() {
        assertThat(refusal("{\"alg\":\"HS512\",\"kid\":\"k1\"}", K1)).isEqualTo(Problem.UNSUPPORTED_HEADER);
        assertThat(refusal("{\"alg\":\"HS256\"}", K1)).isEqualTo(Problem.UNSUPPORTED_HEADER);
        assertThat(refusal("{\"alg\":\"HS256\",\"kid\":\"k1\",\"jwk\":{\"kty\":\"oct\"}}", K1))
                .isEqualTo(Problem.UNSUPPORTED_HEADER);
        assertThat(refusal("{\"alg\":\"HS256\",\"kid\":\"k1\",\"crit\":[\"exp\"]}", K1))
                .isEqualTo(Problem.UNSUPPORTED_HEADER);
    }

    @Test
    void aTokenSignedWithTheUnknownKeyStandInIsStillAnUnknownKey() {
        String standIn = "\0".repeat(SigningKeys.MIN_SECRET_BYTES);

        assertThat(refusal("{\"alg\":\"HS256\",\"kid\":\"k9\"}", standIn)).isEqualTo(Problem.UNKNOWN_KEY);
    }

    @Test
    void aSignatureIsAcceptedOnlyInItsOwnEncoding() {
        String token = jws.sign(Map.of("sid", "abc"));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char last = signature.charAt(signature.length() - 1);
        char sameBytes = BASE64URL_ALPHABET.charAt(BASE64URL_ALPHABET.indexOf(last) ^ 1);
        String truncated = token.substring(0, token.length() - 1);
        String padded = token + "A";

        assertThat(refused(jws.verify(token.substring(0, token.length() - 1) + sameBytes))).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(refused(jws.verify(truncated))).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(refused(jws.verify(padded))).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(refused(jws.verify(token + "="))).isEqualTo(Problem.MALFORMED);
    }

    @Test
    void aSignedPayloadThatIsNotOneJsonObjectIsABadPayload() {
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\"}";

        assertThat(refused(jws.verify(signed(header, "[1,2]", K1)))).isEqualTo(Problem.BAD_PAYLOAD);
        assertThat(refused(jws.verify(signed(header, "{\"s\":1}x", K1)))).isEqualTo(Problem.BAD_PAYLOAD);
        assertThat(refused(jws.verify(signed(header, "{\"s\":1,\"s\":2}", K1)))).isEqualTo(Problem.BAD_PAYLOAD);
        assertThat(refused(jws.verify(signed(header, "null", K1)))).isEqualTo(Problem.BAD_PAYLOAD);
    }

    @Test
    void anOversizedTokenIsRefusedBeforeItIsRead() {
        assertThat(refused(jws.verify("a.b.c" + "c".repeat(MAX_LENGTH)))).isEqualTo(Problem.OVERSIZED);
        assertThat(refused(jws.verify(null))).isEqualTo(Problem.OVERSIZED);
    }

    @Test
    void theClaimsOfAWellFormedTokenAreReadWithoutTheKeyButNotThoseOfAMalformedOne() {
        String foreign = signed("{\"alg\":\"HS256\",\"kid\":\"elsewhere\"}", "{\"em\":\"a@example.com\"}",
                "a-key-this-reader-does-not-hold-0123456789");

        assertThat(HmacJws.readUnverified(foreign, MAX_LENGTH)).contains(Map.of("em", "a@example.com"));
        assertThat(HmacJws.readUnverified(signed("{\"kid\":\"k1\"}", "{\"em\":\"a@example.com\"}", K1), MAX_LENGTH))
                .isEmpty();
        assertThat(HmacJws.readUnverified(foreign, foreign.length() - 1)).isEmpty();
    }

    @Test
    void manyThreadsVerifyingAtOnceEachGetTheirOwnAnswer() throws Exception {
        String good = jws.sign(Map.of("sid", "good"));
        String tampered = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                work.add(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        if (!(jws.verify(good) instanceof Result.Verified)
                                || refused(jws.verify(tampered)) != Problem.BAD_SIGNATURE) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> done : threads.invokeAll(work)) {
                assertThat(done.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Problem refusal(String header, String key) {
        return refused(jws.verify(signed(header, "{\"sid\":\"abc\"}", key)));
    }

    private static Problem refused(Result result) {
        assertThat(result).isInstanceOf(Result.Refused.class);
        return ((Result.Refused) result).problem();
    }

    /** A compact JWS of exactly these header and payload texts, signed with plain javax.crypto HMAC-SHA256. */
    private static String signed(String header, String payload, String key) {
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(java.util.Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
