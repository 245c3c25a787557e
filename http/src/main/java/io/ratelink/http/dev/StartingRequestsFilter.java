package io.ratelink.http.dev;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Dev mode and tests: the Lambda mock event server takes requests on the HTTP port before the application is ready to
 * serve them, and the Lambda HTTP handler logs each such request as an error with a stack trace ("No virtual channel
 * available") before answering {@code 500}. That is not a failure anyone has to read about: the record is turned
 * into one line that says what happened. Every other record passes unchanged. Enabled by
 * {@code quarkus.log.console.filter=ratelink-starting-requests}.
 */
@LoggingFilter(name = "ratelink-starting-requests")
public final class StartingRequestsFilter implements Filter {

    static final String LAMBDA_HTTP_LOGGER = "quarkus.amazon.lambda.http";
    static final String NOT_READY = "No virtual channel available";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (LAMBDA_HTTP_LOGGER.equals(record.getLoggerName()) && record.getThrown() != null
                && NOT_READY.equals(record.getThrown().getMessage())) {
            record.setLevel(Level.INFO);
            record.setThrown(null);
            record.setParameters(null);
            record.setMessage("A request arrived while the application was still starting and was answered 500;"
                    + " try again in a moment");
        }
        return true;
    }
}
