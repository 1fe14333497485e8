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

    static DossierProblem forbidden() {
        return new DossierProblem(HttpStatus.FORBIDDEN, "dossier.forbidden");
    }
}
