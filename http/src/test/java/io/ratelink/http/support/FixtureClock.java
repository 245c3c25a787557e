package io.ratelink.http.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests (it replaces the default {@link Clock} bean): the system's, unless a test pins
 * it to replay recorded times — a click "43 s after sending" or "a minute later" without waiting for them.
 */
@Singleton
public class FixtureClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    /** From now on the application reads this instant, until {@link #release()}. */
    public void pin(Instant at) {
        pinned.set(at);
    }

    /** Back to the system's time. */
    public void release() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!zone.equals(ZoneOffset.UTC)) {
            throw new UnsupportedOperationException("the application's clock is in UTC");
        }
        return this;
    }
}
