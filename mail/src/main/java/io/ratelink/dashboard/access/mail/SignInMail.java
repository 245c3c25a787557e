package io.ratelink.dashboard.access.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.dashboard.access.SignInLink;
import io.ratelink.delivery.mail.Email;
import io.ratelink.survey.Messages;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-in email: a Qute type-safe template ({@code templates/SignInMail/signIn.html} and {@code .txt}) in the
 * language the person asked in, in the escalation email's layout, with the one link and how long it works.
 */
public class SignInMail {

    /** Where sign-in links lead, under the public base address. */
    public static final String LINK_PATH = "/dashboard/sign-in/";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(SignInMailView view);
    }

    private final String baseUrl;
    private final Duration linkLifetime;

    public SignInMail(String baseUrl, Duration linkLifetime) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.linkLifetime = linkLifetime;
    }

    public String linkTo(String token) {
        return baseUrl + LINK_PATH + token;
    }

    public SignInMailView view(SignInLink link, String token) {
        Messages msg = Messages.forTag(link.language());
        return new SignInMailView(
                msg.htmlLang(),
                msg.dir(),
                msg.isRightToLeft() ? "right" : "left",
                msg.get("mail.fontFamily"),
                msg.get("dashboard.signin.mail.subject"),
                msg.get("dashboard.signin.mail.title"),
                msg.get("dashboard.signin.mail.intro"),
                msg.get("dashboard.signin.mail.button"),
                linkTo(token),
                msg.get("dashboard.signin.mail.copyLink"),
                msg.get("dashboard.signin.mail.validity", linkLifetime.toMinutes()),
                msg.get("dashboard.signin.mail.ignore"),
                msg.get("dashboard.signin.mail.footer"));
    }

    /** The email, ready to send: to the address the link is for, nothing in its headers but that and the subject. */
    public Email compose(SignInLink link, String token) {
        SignInMailView view = view(link, token);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("X-Auto-Response-Suppress", "All");
        return Email.rendered(Templates.signIn(view), link.email(), view.subject(), headers);
    }
}
