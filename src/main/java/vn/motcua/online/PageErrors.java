package vn.motcua.online;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Errors of the citizens' pages as a page in Vietnamese, never as JSON or a stack trace. */
@ControllerAdvice(assignableTypes = CitizenPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Pages pages;
    private final MessageSource messages;

    PageErrors(Pages pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<String> tooMany(TooManyRequests e) {
        ResponseEntity<String> page = page(e.getStatusCode(), e.updateAndGetBody(messages, VI).getDetail());
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(page.getBody());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage(
                "problemDetail." + MaxUploadSizeExceededException.class.getName(), null, VI));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<String> unreadable(MultipartException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // the servlet container's own size limits, which Spring reports as an unreadable request
            if (cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return tooLarge(null);
            }
        }
        return page(HttpStatus.BAD_REQUEST, messages.getMessage("problemDetail." + MultipartException.class.getName(),
                null, VI));
    }

    /** Spring's own 4xx (a missing parameter…) and the project's problems, with their Vietnamese detail. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Tomcat refuses a file name with a NUL while it parses the form, before any check of ours
            if (cause instanceof MultipartException || cause.getClass().getName().endsWith(".InvalidFileNameException")) {
                return page(HttpStatus.BAD_REQUEST, messages.getMessage(
                        "problemDetail." + MultipartException.class.getName(), null, VI));
            }
        }
        if (e instanceof ErrorResponse problem && problem.getStatusCode().value() < 500) {
            return page(problem.getStatusCode(), problem.updateAndGetBody(messages, VI).getDetail());
        }
        log.error("Unexpected error on a citizens' page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("api.unexpected", null, VI));
    }

    private ResponseEntity<String> page(HttpStatusCode status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("message", message == null ? messages.getMessage("api.unexpected", null, VI) : message);
        return pages.render(status, "error", model);
    }
}
