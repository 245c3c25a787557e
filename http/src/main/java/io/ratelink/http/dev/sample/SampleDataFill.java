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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fills the tables with the sample organisation's last {@value SampleSurveys#DAYS} days: registers its agents with
 * their managers, replays every survey's clicks through the click path ({@link Capture}, given a {@link ReplayClock}
 * set to each click's instant, and links signed with the configured key), then runs a full recompute. Surveys
 * already stored are left alone, so a second fill adds only the days since the first.
 */
public final class SampleDataFill {

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
        ReplayClock replay = new ReplayClock(started);
        String activeKid = config.signing().activeKid()
                .orElseThrow(() -> new IllegalStateException("ratelink.signing.active-kid is not set"));
        LinkSigner signer = new LinkSigner(SigningKeys.of(activeKid, config.signing().keys()), replay);
        Capture capture = new Capture(signer, store, guard, replay, config);
        List<SampleSurveys.Survey> surveys = SampleSurveys.plan(org, started);
        int written = 0;
        int present = 0;
        int requests = 0;
        int held = 0;
        for (SampleSurveys.Survey survey : surveys) {
            if (store.find(survey.claims().surveyId()).isPresent()) {
                present++;
                continue;
            }
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
            written++;
            held += survey.story().held() ? 1 : 0;
        }
        return new Result(org.members().size(), written, present, requests, held, recomputeAll(), started,
                Duration.between(started, clock.instant()));
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
