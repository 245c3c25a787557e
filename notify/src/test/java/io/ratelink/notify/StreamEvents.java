package io.ratelink.notify;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** DynamoDB Streams events as AWS delivers them to the notify function (files under {@code events/}). */
final class StreamEvents {

    /** The survey and agent the fixture files are written for; each test swaps in its own. */
    static final String FIXTURE_SURVEY_ID = "mrH0Zq3cQ5yq0k6S1bEw9A";
    static final String FIXTURE_AGENT_ID = "agent-0042";

    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamEvents() {
    }

    /** The event file, about the test's own survey and agent. */
    static String fixture(String file, String surveyId, String agentId) {
        try (InputStream in = StreamEvents.class.getClassLoader().getResourceAsStream("events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture events/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(FIXTURE_SURVEY_ID, surveyId)
                    .replace(FIXTURE_AGENT_ID, agentId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A survey id as ratelink mints them: 128 random bits, base64url. */
    static String newSurveyId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static String newAgentId() {
        return "agent-" + newSurveyId().substring(0, 10).toLowerCase();
    }

    static String newAddress(String who) {
        return who + "-" + newSurveyId().substring(0, 8).toLowerCase().replace('_', 'x').replace('-', 'y') + "@example.com";
    }
}
