package vn.motcua.survey;

/** Published inside the transaction that stores a citizen's answer to a survey. */
public record SurveyAnswered(String dossierCode, long surveyId) {
}
