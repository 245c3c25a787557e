package io.ratelink.http.demo;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.http.survey.SurveyMinter;
import io.ratelink.survey.Languages;
import io.ratelink.survey.Messages;
import io.ratelink.survey.MintedSurvey;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyRequest;
import io.ratelink.survey.mail.SupportEmail;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;

/**
 * {@code /demo}: the example support email for any scale and language, with live links, so a person can click a
 * face and watch the rating arrive. Not part of the production build.
 */
@Path("/demo")
@UnlessBuildProfile("prod")
public class DemoResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance demo(DemoView view);
    }

    /** The page around the email: which scale and language it shows, and the others to switch to. */
    public record DemoView(String scale, String language, List<String> scales, List<String> languages, String subject) {

        public String languageName(String tag) {
            return Messages.forTag(tag).get("lang.name");
        }
    }

    private final SurveyMinter minter;
    private final SupportEmail supportEmail;

    public DemoResource(SurveyMinter minter, SupportEmail supportEmail) {
        this.minter = minter;
        this.supportEmail = supportEmail;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("scale") String scale, @QueryParam("lang") String language) {
        String chosenScale = scaleOrDefault(scale);
        String chosenLanguage = languageOrEnglish(language);
        SupportEmail.Rendered email = render(chosenScale, chosenLanguage);
        return Templates.demo(new DemoView(chosenScale, chosenLanguage,
                Arrays.stream(Scale.values()).map(Scale::name).toList(), Languages.all(), email.subject()));
    }

    /**
     * The email itself, with a freshly minted survey, as a support tool would send it; its links open in the
     * whole window, as they would from a mail client.
     */
    @GET
    @Path("/email")
    @Produces(MediaType.TEXT_HTML)
    public String email(@QueryParam("scale") String scale, @QueryParam("lang") String language) {
        String html = render(scaleOrDefault(scale), languageOrEnglish(language)).html();
        return html.replaceFirst("<head>", "<head><base target=\"_top\">");
    }

    private static String scaleOrDefault(String scale) {
        return Scale.parse(scale).orElse(Scale.CSAT_3).name();
    }

    /**
     * The language of a bundle, as {@link Languages} names it: {@code zh} for {@code zh}, for the bundle's own
     * {@code lang.tag} ({@code zh-Hans}) and for a regional tag ({@code zh-CN}); English without {@code lang} or for a
     * language without a bundle.
     */
    private static String languageOrEnglish(String language) {
        return Messages.forTag(language).languageTag();
    }

    private SupportEmail.Rendered render(String scale, String language) {
        MintedSurvey survey = minter.mint(new SurveyRequest("4711", "agent-ana", "team-emea", "demo-customer", scale,
                language, 7));
        return supportEmail.ticketSolved(new SupportEmail.Ticket("4711", "Invoice shows the wrong VAT number",
                "Dana", "Ana Popescu", "Acme Support"), survey);
    }
}
