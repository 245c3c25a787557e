package io.ratelink.http.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.recompute.Recompute;
import io.ratelink.recompute.RecomputeMode;
import io.ratelink.recompute.RecomputeReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Dev mode only: runs the incremental recompute every {@code ratelink.recompute.dev-interval}, so a click on the
 * demo page shows in the scores a few seconds later, as the schedule does in AWS. The bean exists only in the
 * dev build profile; without the property it does nothing.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevRecomputeTimer {

    private static final Logger LOG = Logger.getLogger(DevRecomputeTimer.class);

    private final Recompute recompute;
    private final RatelinkConfig config;
    private ScheduledExecutorService timer;

    public DevRecomputeTimer(Recompute recompute, RatelinkConfig config) {
        this.recompute = recompute;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        config.recompute().devInterval().ifPresent(interval -> {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ratelink-dev-recompute");
                thread.setDaemon(true);
                return thread;
            });
            long millis = interval.toMillis();
            timer.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
            LOG.infof("Dev mode: the recompute runs every %s", interval);
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runOnce() {
        try {
            RecomputeReport report = recompute.run(RecomputeMode.INCREMENTAL);
            if (report.ratingsRecounted() > 0 || report.seriesRolledOver() > 0) {
                LOG.infof("Recompute: %d ratings recounted, %d days and %d series written",
                        report.ratingsRecounted(), report.daysWritten(), report.seriesRolledUp());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "The dev-mode recompute failed; it runs again in %s",
                    config.recompute().devInterval().map(Duration::toString).orElse("a moment"));
        }
    }
}
