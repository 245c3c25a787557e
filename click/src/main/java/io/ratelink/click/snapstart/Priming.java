package io.ratelink.click.snapstart;

import jakarta.annotation.PostConstruct;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * What a function does before its SnapStart snapshot, so that a restored instance answers its first request as a warm
 * one does. Registered with the CRaC global context at startup, as SnapStart expects; the Lambda runtime calls
 * {@link #beforeCheckpoint} once, when it publishes a version, and never in a function that is not snapshotted.
 */
public abstract class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);

    /** What one priming did: how long it took, what did not answer as expected, and how many requests it made. */
    public record Report(Duration took, List<String> unexpected, int requests) {
    }

    /** Runs the priming; what did not answer as expected is reported, never thrown, so a snapshot is still taken. */
    public abstract Report prime();

    @PostConstruct
    protected void register() {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Report report = prime();
        LOG.infof("snapstart.primed requests=%d took=%dms unexpected=%s", report.requests(), report.took().toMillis(),
                report.unexpected());
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }
}
