package vn.motcua.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An {@code Idempotency-Key} that cannot be honoured; problem+json with a Vietnamese detail from the message bundle. */
class IdempotencyProblem extends ErrorResponseException {

    IdempotencyProblem(HttpStatus status, String messageCode) {
        super(status, ProblemDetail.forStatus(status), null, messageCode, null);
    }
}
