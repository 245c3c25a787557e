package io.ratelink.rating;

/**
 * How a user agent was classified.
 *
 * @param kind the kind of client
 * @param rule the data file's rule that matched, as written there; empty for an ordinary browser or no user agent
 */
public record ClientMatch(ClientKind kind, String rule) {
}
