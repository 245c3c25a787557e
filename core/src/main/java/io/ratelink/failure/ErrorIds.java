package io.ratelink.failure;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The id a failure nobody planned for is logged with and answered with, so a report can be matched to its log line. */
public final class ErrorIds {

    private ErrorIds() {
    }

    /** Twelve hex digits: enough to find one log line, short enough to read out. */
    public static String next() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    }
}
