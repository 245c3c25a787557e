package io.ratelink.http.dev.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that reads what it was last set to: the click path, given this clock, records each click at the past
 * instant it is replayed for. For one thread at a time.
 */
final class ReplayClock extends Clock {

    private Instant now;

    ReplayClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the replay clock is UTC only");
    }
}
