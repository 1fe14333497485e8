package vn.motcua.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request about a dossier that cannot be carried out. Rendered as {@code application/problem+json};
 * the detail comes from the message bundle ({@code messageCode}), in Vietnamese.
 */
public class DossierProblem extends ErrorResponseException {

    public DossierProblem(HttpStatus status, String messageCode, Object... args) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, args);
    }

    static DossierProblem notFound(String code) {
        return new DossierProblem(HttpStatus.NOT_FOUND, "dossier.notFound", code);
    }

    /**
     * The public answer for a code that is unknown or whose applicant has another ID number: one
     * message that names neither, so the two cannot be told apart.
     */
    static DossierProblem notFoundForApplicant() {
        return new DossierProblem(HttpStatus.NOT_FOUND, "dossier.notFoundForApplicant");
    }

    static DossierProblem forbidden() {
        return new DossierProblem(HttpStatus.FORBIDDEN, "dossier.forbidden");
    }
}
