package io.ratelink.escalate.store;

import io.ratelink.storage.NamedOperation;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.util.Locale;

/** The escalations table's writes, by name (see {@link NamedOperation}). */
public enum StoreOperation {
    CLAIM, TAKE_OVER, CLAIM_FOR_REPLAY, START_SENDING, MARK_SENT, REFUSED, MARK_FAILED, MARK_UNKNOWN, MARK_HELD,
    RELEASE, HOURLY_SLOT;

    /** The operation's name, e.g. {@code escalations.mark-sent}. */
    public String operationName() {
        return "escalations." + label();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    AwsRequestOverrideConfiguration tag() {
        return NamedOperation.named(operationName());
    }
}
