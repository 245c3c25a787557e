package io.ratelink.score.store;

import io.ratelink.storage.NamedOperation;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.util.Locale;

/** The scores table's reads and writes, by name (see {@link NamedOperation}). */
public enum ScoreOperation {
    READ_DAYS, WRITE_DAYS, READ_WINDOWS, WRITE_WINDOWS, SAVE_PLAN, LOAD_PLAN, DELETE_PLAN,
    ACQUIRE_LEASE, COMMIT_PLAN, RECORD_WINDOWS_DAY, FINISH, RELEASE_LEASE, READ_ROSTER, WRITE_ROSTER,
    /** The dashboard's read of a span of one series' days: eventually consistent, as a page may be a moment behind. */
    READ_DAY_RANGE;

    /** The operation's name, e.g. {@code scores.commit-plan}. */
    public String operationName() {
        return "scores." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    AwsRequestOverrideConfiguration tag() {
        return NamedOperation.named(operationName());
    }
}
