package io.ratelink.dashboard.wiring;

import io.ratelink.dashboard.store.DashboardReader;
import io.ratelink.dashboard.store.RatingSearch;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.score.HappinessIndexWeights;
import io.ratelink.score.Metrics;
import io.ratelink.score.store.ScoreStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the dashboard's read model. */
@ApplicationScoped
public class DashboardBeans {

    /** The series below a level are read this many at a time: each read is a query that waits on the network. */
    static final int CONCURRENT_READS = 8;

    private final ExecutorService reads = Executors.newFixedThreadPool(CONCURRENT_READS, new DaemonThreads());

    @Produces
    @Singleton
    DashboardReader dashboardReader(ScoreStore scores, Metrics metrics, HappinessIndexWeights chiWeights) {
        return new DashboardReader(scores, metrics, chiWeights, reads);
    }

    @Produces
    @Singleton
    RatingSearch ratingSearch(RatingStore ratings) {
        return new RatingSearch(ratings);
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "dashboard-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
