package vn.motcua.report;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The report API's errors as {@code application/problem+json} with Vietnamese details from the message
 * bundle; invalid input lists its field under {@code errors}, like every other API.
 */
@Component
class ReportProblems {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ReportProblems(MessageSource messages) {
        this.messages = messages;
    }

    ErrorResponseException invalid(String field, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.invalid", null, VI));
        problem.setProperty("errors", List.of(new FieldMessage(field, messages.getMessage(key, args, VI))));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    ErrorResponseException forbidden() {
        return status(HttpStatus.FORBIDDEN, "indicators.forbidden");
    }

    ErrorResponseException status(HttpStatus status, String key, Object... args) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, args, VI)), null);
    }

    record FieldMessage(String field, String message) {
    }
}
