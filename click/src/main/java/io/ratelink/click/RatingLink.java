package io.ratelink.click;

import io.ratelink.failure.ErrorIds;
import io.ratelink.failure.Outages;
import io.ratelink.rating.Capture;
import io.ratelink.rating.CaptureResult;
import io.ratelink.survey.LinkCheck;
import io.ratelink.survey.LinkSigner;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The rating link, {@code /r/{token}}: {@code GET} records the click, {@code POST} an answer from the page,
 * {@code HEAD} nothing. Whatever serves the link (the capture function, the development server) hands each request
 * over as a {@link LinkRequest} and sends back the {@link LinkAnswer}, with {@link PageHeaders}.
 *
 * <p>A failure is answered with a page too, never a stack trace: a service that could not be reached
 * ({@link Outages}) with "nothing was saved, try again", anything else (a bug) with the id it was logged under. The
 * log names the failure but never the token.
 */
@Singleton
public class RatingLink {

    private static final Logger LOG = Logger.getLogger(RatingLink.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Capture capture;
    private final LinkSigner signer;

    public RatingLink(Capture capture, LinkSigner signer) {
        this.capture = capture;
        this.signer = signer;
    }

    public LinkAnswer answer(LinkRequest request) {
        try {
            return switch (request.method()) {
                case "GET" -> page(capture.click(request.token(), request.click()));
                case "HEAD" -> page(capture.peek(request.token()));
                case "POST" -> post(request);
                default -> new LinkAnswer(405, LinkAnswer.TEXT, "A rating link answers GET, HEAD and POST.",
                        Map.of("Allow", "GET, HEAD, POST"));
            };
        } catch (RuntimeException failure) {
            return failed(request.token(), failure);
        }
    }

    /** The page for a request on a link that failed where nobody planned for it. */
    public LinkAnswer failed(String token, Throwable failure) {
        if (Outages.isOutage(failure)) {
            LOG.warnf("A service was unavailable answering a rating link request: %s", Outages.summary(failure));
            return ClickPages.unavailable(locale(token));
        }
        String errorId = ErrorIds.next();
        LOG.errorf(failure, "Unexpected failure %s answering a rating link request", errorId);
        return ClickPages.failed(locale(token), errorId);
    }

    /** The form is read here, so that a comment that is not text in the form's charset is refused, not garbled. */
    private LinkAnswer post(LinkRequest request) {
        if (!request.contentType().map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM)).orElse(false)) {
            return new LinkAnswer(415, LinkAnswer.TEXT, "A rating link takes the form of its page (" + FORM + ").",
                    Map.of());
        }
        PostedForm form = PostedForm.read(request.body(), charset(request.contentType().get()));
        if (!form.isReadable("comment")) {
            return page(capture.unreadableComment(request.token(), form.text("comment")));
        }
        return page(capture.answer(request.token(), form.text("score"), form.text("comment"), request.click()));
    }

    private LinkAnswer page(CaptureResult result) {
        return ClickPages.page(result, capture.maxCommentLength());
    }

    /** The charset the request names for its form; UTF-8, as browsers send a UTF-8 page's form, when none or an unknown one. */
    static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The language of the survey whose link was requested; English for a link that is not ours. */
    private String locale(String token) {
        try {
            LinkCheck check = signer.verify(token);
            if (check instanceof LinkCheck.Valid valid) {
                return valid.claims().locale();
            }
            if (check instanceof LinkCheck.Expired expired) {
                return expired.claims().locale();
            }
        } catch (RuntimeException unreadable) {
            LOG.debug("The failed request's link could not be read for its language", unreadable);
        }
        return "en";
    }
}
