package io.ratelink.escalate.stream.wiring;

import io.quarkus.runtime.LaunchMode;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.escalate.stream.SettleChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the settle checks the ratings stream asks for, with the queue that holds them until they are due (the notify
 * function, and dev mode's stream poller). A settle window shorter than the scanner guard's burst window stops startup.
 */
@ApplicationScoped
public class SettleCheckBeans {

    @Produces
    @Singleton
    SettleChecks settleChecks(DelayQueue queue, RatelinkConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && config.escalation().settle().compareTo(config.scanners().burstWindow()) < 0) {
            throw new IllegalArgumentException("ratelink.escalation.settle (" + config.escalation().settle()
                    + ") must not be shorter than ratelink.scanners.burst-window (" + config.scanners().burstWindow()
                    + "): a scanner's sweep would escalate before it is recognised");
        }
        return new SettleChecks(queue, config.escalation().settle());
    }
}
