package vn.motcua.counter;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A counter intake refused before anything is stored: 400 problem+json with a Vietnamese detail and one message per
 * bad field under {@code errors}, as the API's own validation answers.
 */
class CounterProblem extends ErrorResponseException {

    record FieldError(String field, String message) {
    }

    CounterProblem(String detail, List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(detail, errors), null);
    }

    private static ProblemDetail problem(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
