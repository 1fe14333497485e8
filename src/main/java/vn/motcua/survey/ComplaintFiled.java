package vn.motcua.survey;

/**
 * Published inside the transaction that stores a citizen's complaint after a low score: the unit's
 * supervisors should look into it.
 *
 * @param unitKey the unit whose counter received the dossier
 * @param text    what the citizen wrote
 */
public record ComplaintFiled(String dossierCode, long surveyId, String unitKey, String text) {
}
