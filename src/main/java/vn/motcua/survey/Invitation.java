package vn.motcua.survey;

import java.time.Instant;

/**
 * What the invitation and reminder mails need: the survey's single-use link, until when it works,
 * and to whom it goes.
 *
 * @param surveyId      the survey
 * @param dossierCode   the dossier it is about
 * @param token         the link's secret token (never stored; rebuilt from the survey's nonce)
 * @param link          {@code motcua.site.base-url} + {@code /khao-sat/} + token
 * @param expiresAt     when the link stops accepting answers
 * @param email         the applicant's email as filed, or null when the dossier has none
 * @param applicantName the applicant's name, for the greeting
 */
public record Invitation(long surveyId, String dossierCode, String token, String link, Instant expiresAt, String email,
        String applicantName) {

    @Override
    public String toString() {
        return "Invitation[surveyId=" + surveyId + ", dossierCode=" + dossierCode + ", expiresAt=" + expiresAt + "]";
    }
}
