package io.ratelink.survey;

/**
 * One answer as a person sees it, in a widget or on a page.
 *
 * @param score     the point it records
 * @param symbol    face, stars, thumb or number
 * @param label     its words in the survey's language (the number again where the scale names only its ends)
 * @param text      what a screen reader and a text-only client say for it
 * @param showLabel whether the label is printed under the symbol (always for faces; only at the ends of a number row)
 * @param url       the signed link that records it
 */
public record OptionView(int score, String symbol, String label, String text, boolean showLabel, String url) {

    static java.util.List<OptionView> of(Scale scale, Messages messages, java.util.function.IntFunction<String> urls) {
        var points = scale.points();
        return points.stream().map(point -> new OptionView(point, scale.symbol(point), messages.label(scale, point),
                messages.optionText(scale, point),
                scale.isPictorial() || point == scale.min() || point == scale.max(),
                urls.apply(point))).toList();
    }
}
