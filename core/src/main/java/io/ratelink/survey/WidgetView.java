package io.ratelink.survey;

import java.util.List;
import java.util.function.IntFunction;

/** What the widget templates render: the question and its options, in one language. */
public record WidgetView(String lang, String dir, Scale scale, String question, String hint, String textIntro,
        List<OptionView> options) {

    /** The widget of a scale in one language, each option linking where {@code urlForScore} says. */
    public static WidgetView of(Scale scale, Messages messages, IntFunction<String> urlForScore) {
        return new WidgetView(messages.htmlLang(), messages.dir(), scale, messages.question(scale),
                messages.get("widget.hint"), messages.get("widget.textIntro"),
                OptionView.of(scale, messages, urlForScore));
    }

    public boolean stars() {
        return scale.isStars();
    }

    /** The words for the worst end of a number row. */
    public String firstLabel() {
        return options.get(0).label();
    }

    /** The words for the best end of a number row. */
    public String lastLabel() {
        return options.get(options.size() - 1).label();
    }

    public boolean pictorial() {
        return scale.isPictorial();
    }
}
