package io.ratelink.click;

import io.ratelink.survey.Messages;
import io.ratelink.survey.OptionView;
import io.ratelink.survey.Scale;

import java.util.List;

/**
 * The thank-you page: the recorded answer highlighted, the other answers to change it, the comment box.
 *
 * @param comment       the comment to show in the box (the saved one, or the one sent back for shortening)
 * @param commentSaved  whether this request saved a comment
 * @param problem       a message about what the form sent, or empty
 */
public record ThanksView(Messages msg, Scale scale, String question, OptionView chosen, List<OptionView> options,
        String comment, boolean commentSaved, String problem, int maxCommentLength) {


    /** {@code true} for the answer currently recorded, as an {@code aria-pressed} value. */
    public String pressed(OptionView option) {
        return Boolean.toString(option.score() == chosen.score());
    }

    public String firstLabel() {
        return options.get(0).label();
    }

    public String lastLabel() {
        return options.get(options.size() - 1).label();
    }

    public String limitText() {
        return msg.get("page.comment.limit", maxCommentLength);
    }
}
