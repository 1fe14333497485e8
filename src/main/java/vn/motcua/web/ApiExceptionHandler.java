package vn.motcua.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is {@code application/problem+json} with a Vietnamese detail; invalid input lists
 * one message per bad field under {@code errors}. Unexpected failures are logged and answered 500
 * without internals.
 */
@RestControllerAdvice(basePackages = "vn.motcua")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.invalid"));
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.isBindingFailure() ? wrongType(e.getCodes()) : e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query parameter or path variable that does not convert (a date, a number). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.invalid"));
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "";
        problem.setProperty("errors", List.of(new FieldError(field, wrongType(new String[] {"typeMismatch." + field}))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Constraints on query parameters or path variables ({@code @Min} on a {@code @RequestParam}…). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.invalid"));
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
            } else {
                String field = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(e -> errors.add(new FieldError(field, e.getDefaultMessage())));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.invalid"));
        problem.setProperty("errors", List.of(new FieldError(ex.getParameterName(), message("api.field.required"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.unreadable"));
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            // the JSON is readable, one of its values is not: say which, as for other invalid fields
            problem.setDetail(message("api.invalid"));
            problem.setProperty("errors", List.of(new FieldError(field, message("api.field.wrongType"))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A multipart body that does not parse (no boundary, cut short, a NUL in a part's file name). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
        if (tooLarge(ex)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                            message("problemDetail." + MaxUploadSizeExceededException.class.getName())));
        }
        log.info("Unreadable multipart request: {}", ex == null ? "invalid file name" : ex.toString() + " <- " + ex.getCause());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.multipart")));
    }

    /** A Content-Type header that is no media type, or a wildcard one ({@code *}{@code /*}, {@code application/*}). */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(InvalidMediaTypeException ex) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message("api.mediaType")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof MultipartException || cause.getClass().getName().endsWith(".InvalidFileNameException")) {
                return unreadableMultipart(null);
            }
            if (cause instanceof InvalidMediaTypeException mediaType) {
                return invalidMediaType(mediaType);
            }
            if (ErrorFallback.unavailable(cause)) {
                log.error("Database unavailable", ex);
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message("api.unavailable")));
            }
        }
        log.error("Unexpected error", ex);
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, message("api.unexpected")));
    }

    /**
     * A multipart body over the servlet's bounds, also when Spring reports it as a mere "could not access
     * multipart servlet request" (the part's size limit seen first by the servlet container).
     */
    static boolean tooLarge(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException || cause.getClass().getSimpleName().endsWith("SizeLimitExceededException")
                    || cause.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    private String message(String key) {
        return messages.getMessage(key, null, VI);
    }

    /** The first of {@code codes} (most specific first) that the bundle has, else the generic wrong-type message. */
    private String wrongType(String[] codes) {
        return messages.getMessage(new DefaultMessageSourceResolvable(codes, message("api.field.wrongType")), VI);
    }
}
