package vn.motcua.online;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Files that cannot be accepted, refused before anything is stored. Rendered as
 * {@code application/problem+json} with a Vietnamese detail and one message per bad file under
 * {@code errors} ({@code field} is {@code files[i]}, or {@code files} for the whole set): 413 for
 * a file too large, 415 for content that is not an accepted type or not the one declared, 400 for
 * a missing or excess file.
 */
class AttachmentRejected extends ErrorResponseException {

    record FileError(String field, String message) {
    }

    private final transient List<FileError> errors;

    AttachmentRejected(HttpStatus status, String detail, List<FileError> errors) {
        super(status, problem(status, detail, errors), null);
        this.errors = List.copyOf(errors);
    }

    List<FileError> errors() {
        return errors;
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<FileError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
