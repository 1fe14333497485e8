package vn.motcua.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A decision on a dossier's task that the task does not accept, with the officer-readable reason: 400. */
public class DecisionRefused extends ErrorResponseException {

    public DecisionRefused(String reason) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason), null);
    }
}
