package io.ratelink.rating.store;

import io.ratelink.storage.NamedOperation;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.util.Locale;

/** The recompute's reads and writes of the ratings table, by name (see {@link NamedOperation}). */
public enum LedgerOperation {
    CHANGED_SINCE, MARK_COUNTED;

    /** The operation's name, e.g. {@code ratings.mark-counted}. */
    public String operationName() {
        return "ratings." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    AwsRequestOverrideConfiguration tag() {
        return NamedOperation.named(operationName());
    }
}
