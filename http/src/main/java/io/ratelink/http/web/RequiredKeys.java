package io.ratelink.http.web;

import io.quarkus.runtime.Startup;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.survey.LinkSigner;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP function is the one that needs the API and signing keys (the rating links' and the dashboard's): it refuses
 * to start without them, naming every one that is missing, and builds both signers at startup so that a key too short
 * is refused then too. The other
 * functions are never given these keys.
 */
@Startup
@Singleton
public class RequiredKeys {

    RequiredKeys(RatelinkConfig config, Provider<LinkSigner> signer, Provider<AccessTokens> dashboardTokens) {
        List<String> missing = new ArrayList<>();
        if (config.apiKeys().filter(keys -> keys.stream().anyMatch(key -> !key.isBlank())).isEmpty()) {
            missing.add("ratelink.api-keys");
        }
        if (config.signing().activeKid().isEmpty()) {
            missing.add("ratelink.signing.active-kid");
        }
        if (config.dashboard().signing().activeKid().isEmpty()) {
            missing.add("ratelink.dashboard.signing.active-kid");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The HTTP function cannot start without " + String.join(" and ", missing)
                    + " (from the secret named by RATELINK_SECRET_ARN, or the environment)");
        }
        signer.get();
        dashboardTokens.get();
    }
}
