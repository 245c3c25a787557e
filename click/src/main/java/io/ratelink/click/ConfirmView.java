package io.ratelink.click;

import io.ratelink.survey.Messages;
import io.ratelink.survey.OptionView;
import io.ratelink.survey.Scale;

/**
 * The page a held click lands on: the answer it chose, and one button that confirms it with a {@code POST}. The page
 * has no script, so no scanner that runs scripts can confirm by itself.
 */
public record ConfirmView(Messages msg, Scale scale, String question, OptionView chosen) {
}
