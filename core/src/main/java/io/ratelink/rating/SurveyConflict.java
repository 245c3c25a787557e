package io.ratelink.rating;

/** A validly signed link whose survey id is already stored with other claims: the answer is refused. */
public class SurveyConflict extends RuntimeException {

    public SurveyConflict(String surveyId) {
        super("survey " + surveyId + " is stored with other claims");
    }
}
