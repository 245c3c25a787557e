package io.ratelink.delivery.mail;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One email, rendered and ready to send: its recipient, subject, the headers ratelink sets (Message-ID and the like,
 * in order) and a plain-text and an HTML body, sent as {@code multipart/alternative}. The sender is the channel's.
 */
public record Email(String to, String subject, Map<String, String> headers, String text, String html) {

    public Email {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * The email with the bodies of a type-safe template that has a {@code .txt} and an {@code .html} file, e.g.
     * {@code templates/SignInMail/signIn.txt} and {@code signIn.html} for {@code SignInMail.Templates.signIn(view)}.
     */
    public static Email rendered(TemplateInstance template, String to, String subject, Map<String, String> headers) {
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) template.getAttribute(TemplateInstance.VARIANTS);
        String text = null;
        String html = null;
        for (Variant variant : variants == null ? List.<Variant>of() : variants) {
            if (variant.getContentType().equals(Variant.TEXT_PLAIN)) {
                text = template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
            } else if (variant.getContentType().equals(Variant.TEXT_HTML)) {
                html = template.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
            }
        }
        if (text == null || html == null) {
            throw new IllegalStateException("An email template needs a .txt and an .html file, found " + variants);
        }
        return new Email(to, subject, headers, text, html);
    }
}
