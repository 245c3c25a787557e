package io.ratelink.recompute.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.ratelink.recompute.Recompute;
import io.ratelink.recompute.RecomputeReport;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/**
 * The recompute function: an EventBridge schedule invokes it, it runs the recompute once and answers what it did.
 * Another run holding the lease is an answer ({@code BUSY}), not an error, so EventBridge does not retry it.
 */
@Named("recompute")
public class RecomputeHandler implements RequestHandler<ScheduledEvent, RecomputeReport> {

    private static final Logger LOG = Logger.getLogger(RecomputeHandler.class);

    private final Recompute recompute;

    public RecomputeHandler(Recompute recompute) {
        this.recompute = recompute;
    }

    @Override
    public RecomputeReport handleRequest(ScheduledEvent event, Context context) {
        RecomputeReport report = recompute.run(event.mode());
        LOG.infof("Event %s: %s %s, %d ratings read, %d recounted, %d days and %d series written, %d rolled over",
                event.id(), report.mode().label(), report.outcome(), report.ratingsRead(), report.ratingsRecounted(),
                report.daysWritten(), report.seriesRolledUp(), report.seriesRolledOver());
        return report;
    }
}
