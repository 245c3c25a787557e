package io.ratelink.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything ratelink can be told, under {@code ratelink.*}. Dev mode has documented fixed values. */
@ConfigMapping(prefix = "ratelink")
public interface RatelinkConfig {

    /** The public address rating links start with, e.g. {@code https://rate.example.com}; links are {@code {base-url}/r/{token}}. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** The API keys the admin API accepts as {@code Authorization: Bearer <key>}. Several at once, for rotation. */
    List<String> apiKeys();

    /** The keys rating links are signed with. */
    Signing signing();

    /** Surveys: how long their links stay valid. */
    Survey survey();

    /** The thank-you page's comment box. */
    Comment comment();

    /** DynamoDB table names and housekeeping. */
    Tables tables();

    interface Signing {
        /** The key id that signs new links; it must be one of {@link #keys()}. */
        String activeKid();

        /**
         * Key id to secret (its UTF-8 bytes are the HS256 key, at least 32 bytes). Every key listed verifies;
         * remove an old key once the links it signed have expired.
         */
        Map<String, String> keys();
    }

    interface Survey {
        /** How long a new survey's links record answers, unless the request says otherwise. */
        @WithDefault("30d")
        Duration defaultExpiry();

        /** The longest expiry a request may ask for. */
        @WithDefault("365d")
        Duration maxExpiry();
    }

    interface Comment {
        /** The longest comment accepted, in characters. */
        @WithDefault("2000")
        int maxLength();
    }

    interface Tables {
        /** The ratings table: one item per survey. */
        @WithDefault("ratelink-ratings")
        String ratings();

        /** The agents table: who manages whom. */
        @WithDefault("ratelink-agents")
        String agents();

        /** The scores table: histograms and rolled-up windows. */
        @WithDefault("ratelink-scores")
        String scores();

        /** The escalations table: one item per low-rating episode and per follow-up, sent or failed. */
        @WithDefault("ratelink-escalations")
        String escalations();

        /**
         * Create missing tables at startup. On for the embedded engine in dev mode and tests; in AWS the
         * deployment creates them.
         */
        @WithDefault("false")
        boolean create();

        /** How long a rating is kept after its last change before DynamoDB's TTL removes it. */
        @WithDefault("1095d")
        Duration retention();
    }
}
