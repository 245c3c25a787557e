package io.ratelink.capture.snapstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.runtime.Startup;
import io.ratelink.click.ClickPages;
import io.ratelink.click.snapstart.Priming;
import io.ratelink.click.snapstart.PrimingEvents;
import io.ratelink.rating.Answer;
import io.ratelink.rating.Capture;
import io.ratelink.rating.CaptureResult;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.Languages;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Primes the function before its SnapStart snapshot, so a restored instance answers its first click as a warm one
 * does: the snapshot then holds the DynamoDB client with its endpoint, credentials and signer resolved, and the
 * classes, templates and messages of every page the click path renders, JIT-compiled as far as a few hundred
 * requests take them.
 *
 * <p>It writes nothing: the click's own {@code UpdateItem} for a key no survey has, sent on a condition no item meets
 * ({@link RatingStore#rehearse}, a few times), then {@link ClickPrimings} through the
 * function's entry point as the Lambda runtime calls it (JSON in, JSON out), then the confirmation page (it follows only a held click, which would be recorded) rendered in every
 * language. It opens no SMTP connection and keeps nothing it made but the click pages it rendered, which carry
 * nothing of one survey ({@link ClickPages}): the links it signed name surveys that exist nowhere, and go with the
 * events. Registered with the CRaC global context at startup, as SnapStart expects; the
 * Lambda runtime calls {@link #beforeCheckpoint} once, when it publishes a version, and never in a function that is
 * not snapshotted.
 */
@Startup
@Singleton
public class CapturePriming extends Priming {

    /** A key no survey has: survey ids are random and never carry this prefix. */
    static final String SENTINEL_SURVEY_ID = "snapstart-priming";

    /**
     * Rehearsals of the click's write: the first resolves the client, the others let the JIT compile the SDK's
     * request path as a few hundred page requests compile the rest.
     */
    public static final int REHEARSALS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();


    private final Instance<RatingStore> ratings;
    private final Instance<LinkSigner> signer;
    private final Instance<Capture> capture;
    private final Clock clock;

    /** What it primes is looked up when it primes, so startup's own checks (the keys) speak first. */
    public CapturePriming(Instance<RatingStore> ratings, Instance<LinkSigner> signer, Instance<Capture> capture,
            Clock clock) {
        this.ratings = ratings;
        this.signer = signer;
        this.capture = capture;
        this.clock = clock;
    }

    @Override
    public Report prime() {
        long start = System.nanoTime();
        List<String> unexpected = new ArrayList<>();
        List<String> languages = Languages.all();
        Instant now = clock.instant();
        try {
            SurveyClaims sentinel = new SurveyClaims(SENTINEL_SURVEY_ID, 5, Scale.CSAT_5, "en", "priming", "priming",
                    "priming", "priming", now, now.plus(Duration.ofDays(7)));
            for (int rehearsal = 0; rehearsal < REHEARSALS; rehearsal++) {
                ratings.get().rehearse(Answer.click(sentinel, ClientKind.BROWSER, now));
            }
        } catch (RuntimeException e) {
            unexpected.add("rehearsed click write: " + e);
        }
        int maxCommentLength = capture.get().maxCommentLength();
        List<PrimingEvents.Request> primings = new ClickPrimings(signer.get(), maxCommentLength).all(languages, now);
        for (PrimingEvents.Request priming : primings) {
            try {
                int status = throughTheRuntimesEntry(priming);
                if (status != priming.expectedStatus()) {
                    unexpected.add(priming.description() + ": " + status);
                }
            } catch (IOException | RuntimeException e) {
                unexpected.add(priming.description() + ": " + e);
            }
        }
        for (String language : languages) {
            try {
                renderConfirmation(language, now, maxCommentLength);
            } catch (RuntimeException e) {
                unexpected.add("confirmation, " + language + ": " + e);
            }
        }
        return new Report(Duration.ofNanos(System.nanoTime() - start), List.copyOf(unexpected),
                primings.size() + REHEARSALS);
    }

    /**
     * The event as the Lambda runtime hands it over, JSON in and out of the same entry point its
     * {@code QuarkusStreamHandler} calls, so the event's and the answer's Jackson mappings are warm too.
     */
    private static int throughTheRuntimesEntry(PrimingEvents.Request priming) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        AmazonLambdaRecorder.handle(new ByteArrayInputStream(JSON.writeValueAsBytes(priming.event())), answer,
                PrimingEvents.CONTEXT);
        return JSON.readTree(answer.toByteArray()).path("statusCode").asInt();
    }

    private static void renderConfirmation(String language, Instant now, int maxCommentLength) {
        for (Scale scale : Scale.values()) {
            SurveyClaims claims = ClickPrimings.claims(scale, scale.max(), language, now, now.plus(Duration.ofDays(7)));
            Rating held = new Rating(claims.surveyId(), scale, scale.max(), Optional.empty(), 1, false,
                    RatingStatus.SUSPECT, Optional.empty(), claims.context(), claims.expiresAt(), now, now, now,
                    Optional.empty(), Optional.empty(), List.of());
            ClickPages.page(new CaptureResult.Recorded(claims, held, false), maxCommentLength);
        }
    }
}
