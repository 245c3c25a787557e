package io.ratelink.http.score;

import io.ratelink.recompute.Recompute;
import io.ratelink.recompute.RecomputeMode;
import io.ratelink.recompute.RecomputeReport;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Dev mode and tests: the run goes to a background thread of this process, one run after another, as the
 * recompute function would run it.
 */
public class InProcessRecomputeLauncher implements RecomputeLauncher, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InProcessRecomputeLauncher.class);

    private final Recompute recompute;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ratelink-recompute");
        thread.setDaemon(true);
        return thread;
    });

    public InProcessRecomputeLauncher(Recompute recompute) {
        this.recompute = recompute;
    }

    @Override
    public void launch(RecomputeMode mode, String runId) {
        runner.execute(() -> {
            try {
                RecomputeReport report = recompute.run(mode);
                LOG.infof("Run %s: %s %s, %d ratings read, %d recounted, %d days and %d series written", runId,
                        report.mode().label(), report.outcome(), report.ratingsRead(), report.ratingsRecounted(),
                        report.daysWritten(), report.seriesRolledUp());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Run %s: the %s recompute failed; the next run finishes what it committed", runId,
                        mode.label());
            }
        });
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
