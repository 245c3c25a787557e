package io.ratelink.http.dashboard.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.dashboard.access.NextPath;
import io.ratelink.survey.Messages;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The sign-in pages, in the page layout of the rating pages and with no script: the form, its answer, the link's page. */
final class SignInPages {

    static final String SIGN_IN = "/dashboard/sign-in";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(AccessPageView view);

        static native TemplateInstance sent(AccessPageView view);

        static native TemplateInstance confirm(AccessPageView view);

        static native TemplateInstance problem(AccessPageView view);
    }

    private SignInPages() {
    }

    static Response form(Response.Status status, Messages msg, Optional<String> next, String email, String problem) {
        return Response.status(status).entity(Templates.form(new AccessPageView(msg, msg.get("dashboard.signin.title"),
                msg.get("dashboard.signin.intro"), problem, email, next.orElse(""), again(msg, next)))).build();
    }

    /** The one answer to a request for a link, whether or not the address may sign in. */
    static Response sent(Messages msg, Optional<String> next, Duration linkLifetime) {
        return Response.ok(Templates.sent(new AccessPageView(msg, msg.get("dashboard.signin.sent.title"),
                msg.get("dashboard.signin.sent.body", linkLifetime.toMinutes()), "", "", next.orElse(""),
                again(msg, next)))).build();
    }

    static Response confirm(Messages msg, String email) {
        return Response.ok(Templates.confirm(new AccessPageView(msg, msg.get("dashboard.signin.confirm.title"),
                msg.get("dashboard.signin.confirm.body", email), "", email, "", again(msg, Optional.empty())))).build();
    }

    static Response problem(Response.Status status, Messages msg, String titleKey, String body, Optional<String> next) {
        return Response.status(status).entity(Templates.problem(new AccessPageView(msg, msg.get(titleKey), body, "", "",
                next.orElse(""), again(msg, next)))).build();
    }

    /** The form's address in the page's language, carrying where to go afterwards. */
    static String again(Messages msg, Optional<String> next) {
        return SIGN_IN + "?lang=" + msg.languageTag()
                + next.flatMap(NextPath::of).map(path -> "&next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)).orElse("");
    }
}
