package io.ratelink.http.survey;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Messages;
import io.ratelink.survey.MintedSurvey;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import io.ratelink.survey.SurveyRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Mints a survey: a fresh survey id, a signed link per answer, and the rendered widget. */
@ApplicationScoped
public class SurveyMinter {

    private final LinkSigner signer;
    private final WidgetRenderer renderer;
    private final Clock clock;
    private final String baseUrl;
    private final Duration defaultExpiry;
    private final Duration maxExpiry;

    public SurveyMinter(LinkSigner signer, WidgetRenderer renderer, Clock clock, RatelinkConfig config) {
        this.signer = signer;
        this.renderer = renderer;
        this.clock = clock;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
        this.defaultExpiry = config.survey().defaultExpiry();
        this.maxExpiry = config.survey().maxExpiry();
    }

    /** The problems that keep a request from being minted; empty when {@link #mint} will succeed. */
    public List<String> problems(SurveyRequest request) {
        return request.problems((int) maxExpiry.toDays());
    }

    public MintedSurvey mint(SurveyRequest request) {
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Scale scale = Scale.parse(request.scale()).orElseThrow();
        Messages messages = Messages.forTag(request.locale());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration expiry = request.expiresInDays() == null ? defaultExpiry : Duration.ofDays(request.expiresInDays());
        SurveyClaims base = new SurveyClaims(SurveyIds.next(), scale.min(), scale, messages.languageTag(),
                request.ticketId(), request.agentId(), request.teamId(),
                request.customerRef() == null ? "" : request.customerRef(), Optional.of(now), now.plus(expiry));
        Map<Integer, String> urls = new HashMap<>();
        for (int point : scale.points()) {
            urls.put(point, baseUrl + "/r/" + signer.mint(base.withScore(point)));
        }
        WidgetRenderer.Widget widget = renderer.render(scale, messages, urls::get);
        List<MintedSurvey.Link> links = scale.points().stream()
                .map(point -> new MintedSurvey.Link(point, messages.label(scale, point), urls.get(point)))
                .toList();
        return new MintedSurvey(base.surveyId(), scale, messages.languageTag(), base.expiresAt(), links,
                widget.html(), widget.text());
    }
}
