package io.ratelink.http.web;

import io.ratelink.config.RatelinkConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/** The admin API ({@code /v1/*}) answers only requests with {@code Authorization: Bearer <a configured API key>}. */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";
    private final List<byte[]> keyDigests;

    public ApiKeyFilter(RatelinkConfig config) {
        this.keyDigests = config.apiKeys().orElse(List.of()).stream().map(ApiKeyFilter::sha256).toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireApiKey(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return Optional.empty();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(BEARER) && matches(authorization.substring(BEARER.length()))) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(ApiErrors.error(Response.Status.UNAUTHORIZED,
                        "an API key is required: Authorization: Bearer <key>"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ratelink\"").build());
    }

    /** Compares digests, so neither the keys' contents nor their lengths show in the time taken. */
    private boolean matches(String presented) {
        byte[] digest = sha256(presented.strip());
        boolean match = false;
        for (byte[] key : keyDigests) {
            match |= MessageDigest.isEqual(key, digest);
        }
        return match;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
