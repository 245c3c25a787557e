package io.ratelink.http.survey;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import io.ratelink.survey.WidgetView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.IntFunction;

/** Renders the rating widget for an email: email-safe HTML (tables, inline styles, no script) and plain text. */
@ApplicationScoped
public class WidgetRenderer {

    @CheckedTemplate(basePath = "widget")
    static class Templates {
        static native TemplateInstance html(WidgetView widget);

        static native TemplateInstance text(WidgetView widget);
    }

    public Widget render(Scale scale, Messages messages, IntFunction<String> urlForScore) {
        WidgetView view = WidgetView.of(scale, messages, urlForScore);
        return new Widget(Templates.html(view).render(), Templates.text(view).render());
    }

    /** The two parts of a widget for a multipart email. */
    public record Widget(String html, String text) {
    }
}
