package io.ratelink.survey;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user-facing text of one language, read from {@code messages/ratelink_<language>.properties}.
 *
 * <p>Adding a language is adding such a file: {@link #forTag(String)} picks the bundle that matches the
 * requested language, and falls back to English when there is none; {@link Languages} lists the bundles. The
 * writing direction is a message too ({@code lang.dir}), so no language is special-cased in code.
 */
public final class Messages {

    static final String BUNDLE = "messages.ratelink";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * The messages of each tag asked for, so a click finds its language without a bundle lookup. Tags come from signed
     * links, so there are few; past this many, a tag is looked up each time instead of kept.
     */
    private static final int KEPT_TAGS = 256;
    private static final Map<String, Messages> BY_TAG = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final String languageTag;

    private Messages(ResourceBundle bundle, String languageTag) {
        this.bundle = bundle;
        this.languageTag = languageTag;
    }

    /** The messages for a BCP 47 tag such as {@code fa}, {@code zh-CN} or {@code ro-RO}; English if unknown. */
    public static Messages forTag(String tag) {
        String key = tag == null ? "" : tag;
        Messages kept = BY_TAG.get(key);
        if (kept != null) {
            return kept;
        }
        Messages messages = lookUp(tag);
        if (BY_TAG.size() < KEPT_TAGS) {
            BY_TAG.putIfAbsent(key, messages);
        }
        return messages;
    }

    private static Messages lookUp(String tag) {
        Locale requested = tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, requested, Messages.class.getClassLoader(), NO_FALLBACK);
        Locale found = bundle.getLocale();
        String resolved = found.getLanguage().isEmpty() ? Languages.ENGLISH : found.toLanguageTag();
        return new Messages(bundle, resolved);
    }

    /** Whether a language has its own bundle (and so is not answered in English). */
    public static boolean isSupported(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return !language.isEmpty() && Locale.forLanguageTag(forTag(tag).languageTag).getLanguage().equals(language);
    }

    /** The language of the bundle actually used, as {@link Languages} names it: {@code zh} for a request of {@code zh-CN}. */
    public String languageTag() {
        return languageTag;
    }

    /** The tag for an HTML {@code lang} attribute, e.g. {@code zh-Hans}. */
    public String htmlLang() {
        return get("lang.tag");
    }

    /** {@code ltr} or {@code rtl}. */
    public String dir() {
        return get("lang.dir");
    }

    public boolean isRightToLeft() {
        return "rtl".equals(dir());
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }

    public String question(Scale scale) {
        return get(scale.questionKey());
    }

    /** The words for a point, or its number when the scale names only some of its points. */
    public String label(Scale scale, int point) {
        try {
            return bundle.getString(scale.labelKey(point));
        } catch (MissingResourceException numberedOnly) {
            return Integer.toString(point);
        }
    }

    /** What a screen reader or a text-only mail client says for an option: its symbol's meaning and its point. */
    public String optionText(Scale scale, int point) {
        String label = label(scale, point);
        String number = Integer.toString(point);
        return label.equals(number) ? number : (scale.isPictorial() ? label : number + " – " + label);
    }
}
