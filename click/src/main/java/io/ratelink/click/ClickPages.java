package io.ratelink.click;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.rating.CaptureResult;
import io.ratelink.rating.Rating;
import io.ratelink.survey.Messages;
import io.ratelink.survey.OptionView;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.WidgetView;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns what happened on a rating link into the page a person sees, always in the survey's language when known. */
public final class ClickPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance thanks(ThanksView view);

        static native TemplateInstance problem(ProblemView view);

        static native TemplateInstance confirm(ConfirmView view);
    }

    /**
     * Pages that carry nothing of one survey or one request, rendered once per language, scale and score: a click is
     * answered without template work. Bounded by the languages, scales and points there are.
     */
    private static final Map<PageKey, String> RENDERED = new ConcurrentHashMap<>();

    private record PageKey(String page, String language, Scale scale, int score, int maxCommentLength) {
    }

    private ClickPages() {
    }

    public static LinkAnswer page(CaptureResult result, int maxCommentLength) {
        return result.match(new CaptureResult.Cases<LinkAnswer>() {
            @Override
            public LinkAnswer recorded(CaptureResult.Recorded recorded) {
                Rating rating = recorded.rating();
                if (recorded.awaitsConfirmation()) {
                    return html(confirm(recorded.claims(), rating.score()));
                }
                if (rating.comment().isEmpty() && !recorded.commentSaved()) {
                    return html(thanks(recorded.claims(), rating.score(), maxCommentLength));
                }
                return ok(thanks(recorded.claims(), rating.score(), rating.comment().orElse(""),
                        recorded.commentSaved(), "", maxCommentLength));
            }

            @Override
            public LinkAnswer notRecorded(CaptureResult.NotRecorded lookAhead) {
                if (lookAhead.kind() == CaptureResult.LookAhead.PREFETCH) {
                    return refusedPrefetch();
                }
                return html(thanks(lookAhead.claims(), lookAhead.claims().score(), maxCommentLength));
            }

            @Override
            public LinkAnswer expired(CaptureResult.Expired expired) {
                Messages msg = Messages.forTag(expired.claims().locale());
                String closed = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(msg.htmlLang()))
                        .format(expired.claims().expiresAt().atOffset(ZoneOffset.UTC));
                return problem(410, msg, "page.expired.title", msg.get("page.expired.body", closed),
                        false);
            }

            @Override
            public LinkAnswer rejected(CaptureResult.Rejected rejected) {
                return invalidLink();
            }

            @Override
            public LinkAnswer invalid(CaptureResult.Invalid invalid) {
                Messages msg = Messages.forTag(invalid.claims().locale());
                String problem = switch (invalid.problem()) {
                    case COMMENT_TOO_LONG -> msg.get("page.comment.tooLong", maxCommentLength);
                    case SCORE_NOT_ON_SCALE -> msg.get("page.badRequest.body");
                    case COMMENT_UNREADABLE -> msg.get("page.comment.unreadable");
                };
                return LinkAnswer.html(400, thanks(invalid.claims(), invalid.claims().score(), invalid.comment(), false,
                        problem, maxCommentLength).render());
            }

            @Override
            public LinkAnswer unavailable(CaptureResult.Unavailable unavailable) {
                return ClickPages.unavailable(unavailable.claims().locale());
            }
        });
    }

    /** The page for a link that is not ours; it cannot know the survey's language, so it is English. */
    public static LinkAnswer invalidLink() {
        Messages msg = Messages.forTag("en");
        return problem(400, msg, "page.invalid.title", msg.get("page.invalid.body"), false);
    }

    /** The page for a database or queue that could not be reached: nothing was saved, try again. */
    public static LinkAnswer unavailable(String locale) {
        Messages msg = Messages.forTag(locale);
        return problem(503, msg, "page.unavailable.title",
                msg.get("page.unavailable.body"), true);
    }

    /**
     * The page for a failure nobody planned for (a bug): nothing is claimed, and the reference line carries the
     * id the failure was logged with.
     */
    public static LinkAnswer failed(String locale, String errorId) {
        Messages msg = Messages.forTag(locale);
        return LinkAnswer.html(500, Templates.problem(new ProblemView(msg, msg.get("page.failed.title"),
                msg.get("page.failed.body"), false, msg.get("page.failed.reference", errorId))).render());
    }

    /**
     * A prefetch is answered with a non-success status, so the browser drops it and the person's own click reaches
     * the function (a prefetched page would be shown in its place, and the click never recorded).
     */
    private static LinkAnswer refusedPrefetch() {
        return new LinkAnswer(503, LinkAnswer.TEXT, "Not loaded ahead of a click.", Map.of("Retry-After", "0"));
    }

    private static String confirm(SurveyClaims claims, int score) {
        Messages msg = Messages.forTag(claims.locale());
        return RENDERED.computeIfAbsent(new PageKey("confirm", msg.languageTag(), claims.scale(), score, 0), key -> {
            OptionView chosen = WidgetView.of(claims.scale(), msg, point -> "").options().stream()
                    .filter(o -> o.score() == score).findFirst().orElseThrow();
            return Templates.confirm(new ConfirmView(msg, claims.scale(), msg.question(claims.scale()), chosen)).render();
        });
    }

    /** The thank-you page with an empty comment box: the same for every survey of a language, scale and score. */
    private static String thanks(SurveyClaims claims, int score, int maxCommentLength) {
        Messages msg = Messages.forTag(claims.locale());
        return RENDERED.computeIfAbsent(new PageKey("thanks", msg.languageTag(), claims.scale(), score, maxCommentLength),
                key -> thanks(claims, score, "", false, "", maxCommentLength).render());
    }

    private static TemplateInstance thanks(SurveyClaims claims, int score, String comment, boolean commentSaved,
            String problem, int maxCommentLength) {
        Messages msg = Messages.forTag(claims.locale());
        var options = WidgetView.of(claims.scale(), msg, point -> "").options();
        OptionView chosen = options.stream().filter(o -> o.score() == score).findFirst().orElseThrow();
        return Templates.thanks(new ThanksView(msg, claims.scale(), msg.question(claims.scale()), chosen, options,
                comment, commentSaved, problem, maxCommentLength));
    }

    private static LinkAnswer problem(int status, Messages msg, String titleKey, String body, boolean retry) {
        return LinkAnswer.html(status, Templates.problem(new ProblemView(msg, msg.get(titleKey), body, retry, "")).render());
    }

    private static LinkAnswer ok(TemplateInstance page) {
        return LinkAnswer.html(200, page.render());
    }

    private static LinkAnswer html(String page) {
        return LinkAnswer.html(200, page);
    }
}
