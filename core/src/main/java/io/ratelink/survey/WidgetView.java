package io.ratelink.survey;

import java.util.List;

/** What the widget templates render: the question and its options, in one language. */
public record WidgetView(String lang, String dir, Scale scale, String question, String hint, String textIntro,
        List<OptionView> options) {

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
