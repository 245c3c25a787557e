package io.ratelink.failure;

import io.ratelink.delivery.DelayQueue;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.storage.StoreUnavailable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage from a bug. An outage is a service we depend on (DynamoDB, SQS, Lambda) that could not be
 * reached, timed out, throttled or failed on its side: trying again later can succeed, so it is answered {@code 503}.
 * A service that refused what we sent (a key too long, a malformed request, a missing table) will refuse it again:
 * that is our mistake, a bug, answered {@code 500}, as is every other failure.
 */
public final class Outages {

    private static final int MAX_CAUSES = 16;

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return service.isThrottlingException() || service.statusCode() >= 500;
            }
            if (cause instanceof SdkClientException || cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return isUnavailable(failure);
    }

    /** What our stores and queue throw when they gave up on their service, whatever the reason they were given. */
    private static boolean isUnavailable(Throwable failure) {
        return failure instanceof StoreUnavailable || failure instanceof EscalationStore.StoreUnavailable
                || failure instanceof ManagerDirectory.DirectoryUnavailable || failure instanceof DelayQueue.QueueUnavailable;
    }

    /** The failure and its first causes on one line, for a log that names an outage without its stack. */
    public static String summary(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.toString());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }
}
