package io.ratelink.http.dev.sample;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.rating.Capture;
import io.ratelink.rating.CaptureResult;
import io.ratelink.rating.ClickRequest;
import io.ratelink.rating.ScannerGuard;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.recompute.Recompute;
import io.ratelink.recompute.RecomputeMode;
import io.ratelink.recompute.RecomputeReport;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.SigningKeys;
import io.ratelink.time.SettableClock;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;

/**
 * Fills the tables with the sample organisation's last {@value SampleSurveys#DAYS} days: registers its agents with
 * their managers, replays every survey's clicks through the click path ({@link Capture}, given a {@link SettableClock}
 * set to each click's instant, and links signed with the configured key), then runs a full recompute. Surveys
 * already stored are left alone, so a second fill adds only the days since the first.
 */
public final class SampleDataFill {

    private static final Logger LOG = Logger.getLogger(SampleDataFill.class);
    private static final int THREADS = 2;
    private static final Duration RECOMPUTE_PATIENCE = Duration.ofSeconds(30);

    private final RatingStore store;
    private final ScannerGuard guard;
    private final ManagerDirectory directory;
    private final Recompute recompute;
    private final RatelinkConfig config;
    private final Clock clock;
    private final SampleOrg org;

    public SampleDataFill(RatingStore store, ScannerGuard guard, ManagerDirectory directory, Recompute recompute,
            RatelinkConfig config, Clock clock, SampleOrg org) {
        this.store = store;
        this.guard = guard;
        this.directory = directory;
        this.recompute = recompute;
        this.config = config;
        this.clock = clock;
        this.org = org;
    }

    /**
     * What a fill did.
     *
     * @param written  surveys written now
     * @param present  surveys found already stored, left as they were
     * @param requests requests replayed through the click path
     * @param held     surveys written now that the scanner guard held
     * @param asOf     the instant the fill was planned up to: the surveys whose requests all came before it
     */
    public record Result(int agents, int written, int present, int requests, int held, RecomputeReport recompute,
            Instant asOf, Duration took) {
    }

    public synchronized Result fill() {
        Instant started = clock.instant();
        org.teams().forEach(team -> team.members().forEach(member -> directory.save(member.agent(team))));
        List<SampleSurveys.Survey> surveys = SampleSurveys.plan(org, started);
        Set<String> stored = store.stored(surveys.stream().map(survey -> survey.claims().surveyId()).toList());
        List<SampleSurveys.Survey> missing = surveys.stream()
                .filter(survey -> !stored.contains(survey.claims().surveyId())).toList();
        int requests = replayInParallel(missing);
        Instant clicked = clock.instant();
        LOG.infof("Sample data: %d surveys written (%d requests), %d already there, in %d ms", missing.size(),
                requests, stored.size(), Duration.between(started, clicked).toMillis());
        RecomputeReport recomputed = recomputeAll();
        LOG.infof("Sample data: full recompute %s, %d ratings counted, in %d ms", recomputed.outcome(),
                recomputed.ratingsRecounted(), Duration.between(clicked, clock.instant()).toMillis());
        int held = (int) missing.stream().filter(survey -> survey.story().held()).count();
        return new Result(org.members().size(), missing.size(), stored.size(), requests, held, recomputed, started,
                Duration.between(started, clock.instant()));
    }

    /** Surveys are independent of each other: each thread replays its share on its own clock. */
    private int replayInParallel(List<SampleSurveys.Survey> surveys) {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> shares = new ArrayList<>();
            for (int share = 0; share < THREADS; share++) {
                List<SampleSurveys.Survey> own = new ArrayList<>();
                for (int index = share; index < surveys.size(); index += THREADS) {
                    own.add(surveys.get(index));
                }
                shares.add(threads.submit(() -> new Replayer().replay(own)));
            }
            int requests = 0;
            for (Future<Integer> share : shares) {
                requests += share.get();
            }
            return requests;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sample data fill was interrupted", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The click path on a clock of its own, set to each request's instant before the request is made. */
    private final class Replayer {

        private final SettableClock replay = new SettableClock(clock.instant());
        private final LinkSigner signer = new LinkSigner(SigningKeys.of(config.signing().activeKid()
                .orElseThrow(() -> new IllegalStateException("ratelink.signing.active-kid is not set")),
                config.signing().keys()), replay);
        private final Capture capture = new Capture(signer, store, guard, replay, config);

        int replay(List<SampleSurveys.Survey> surveys) {
            int requests = 0;
            for (SampleSurveys.Survey survey : surveys) {
                for (SampleSurveys.Step step : survey.steps()) {
                    replay.set(step.at());
                    String token = signer.mint(survey.claims().withScore(step.linkScore()));
                    CaptureResult result = step.linkClick()
                            ? capture.click(token, ClickRequest.get(step.userAgent(), step.clientAddress()))
                            : capture.answer(token, String.valueOf(step.score()), step.comment().orElse(null),
                                    ClickRequest.post(step.userAgent(), step.clientAddress()));
                    if (!(result instanceof CaptureResult.Recorded)) {
                        throw new IllegalStateException("sample survey " + survey.claims().surveyId()
                                + " was not recorded at " + step.at() + ": " + result);
                    }
                    requests++;
                }
            }
            return requests;
        }
    }

    /** A full run, waiting out a run that holds the lease (the dev-mode timer's). */
    private RecomputeReport recomputeAll() {
        Instant giveUp = clock.instant().plus(RECOMPUTE_PATIENCE);
        while (true) {
            RecomputeReport report = recompute.run(RecomputeMode.FULL);
            if (report.outcome() == RecomputeReport.Outcome.DONE || clock.instant().isAfter(giveUp)) {
                return report;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
        }
    }
}
