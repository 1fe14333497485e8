package vn.motcua.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import vn.motcua.online.CitizenErrorPage;

/**
 * What answers when a request fails before (or outside) the project's handlers: a path the firewall
 * refused, a filter's exception (the login check with the database down), an upload over the servlet's
 * bounds, an unknown path. Instead of Spring Boot's default JSON: the citizens' error page on their
 * paths, {@code application/problem+json} with a Vietnamese detail everywhere else.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorFallback implements ErrorController {

    /** A request attribute with the message key of the detail, for those who send an error themselves. */
    static final String DETAIL_KEY = ErrorFallback.class.getName() + ".detail";
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String BOOT_ERROR = "org.springframework.boot.web.servlet.error.DefaultErrorAttributes.ERROR";

    private final MessageSource messages;
    private final CitizenErrorPage citizenPages;
    private final ObjectMapper json;

    ErrorFallback(MessageSource messages, CitizenErrorPage citizenPages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
        this.citizenPages = citizenPages;
    }

    @RequestMapping
    ResponseEntity<?> error(HttpServletRequest request) {
        Throwable error = exception(request);
        HttpStatus status = status(request, error);
        String key = (String) request.getAttribute(DETAIL_KEY);
        if (key == null) {
            key = key(status, error);
        }
        String detail = messages.getMessage(key, null, messages.getMessage("api.unexpected", null, VI), VI);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (citizenPages.covers(path)) {
            return citizenPages.page(status, detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (path != null && path.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // left out
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The answer to a request the servlet container refused before the application saw it (Tomcat's own
     * 400 for an encoded NUL…), as a string: the citizens' page on their paths, else problem+json.
     */
    ResponseEntity<String> outside(String path, int code) {
        HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code);
        String detail = messages.getMessage(status == HttpStatus.BAD_REQUEST ? "api.rejected" : key(status, null), null,
                messages.getMessage("api.unexpected", null, VI), VI);
        if (citizenPages.covers(path)) {
            return citizenPages.page(status, detail);
        }
        String body;
        try {
            body = json.writeValueAsString(ProblemDetail.forStatusAndDetail(status, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Throwable exception(HttpServletRequest request) {
        Object error = request.getAttribute(BOOT_ERROR);
        if (!(error instanceof Throwable)) {
            error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        }
        return error instanceof Throwable t ? t : null;
    }

    private static HttpStatus status(HttpServletRequest request, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException || ApiExceptionHandler.tooLarge(cause)) {
                return HttpStatus.PAYLOAD_TOO_LARGE;
            }
            if (cause instanceof MultipartException) {
                return HttpStatus.BAD_REQUEST;
            }
            if (unavailable(cause)) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer n ? HttpStatus.resolve(n) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The database (or its connection pool) cannot be reached. */
    static boolean unavailable(Throwable cause) {
        return cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                || cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLNonTransientConnectionException
                || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    private static String key(HttpStatus status, Throwable error) {
        return switch (status) {
            case BAD_REQUEST -> error instanceof MultipartException || error != null && error.getCause() instanceof MultipartException
                    ? "api.multipart" : "api.badRequest";
            case UNAUTHORIZED -> "api.unauthorized";
            case FORBIDDEN -> "dossier.forbidden";
            case NOT_FOUND -> "api.notFound";
            case METHOD_NOT_ALLOWED -> "api.methodNotAllowed";
            case UNSUPPORTED_MEDIA_TYPE -> "api.mediaType";
            case PAYLOAD_TOO_LARGE -> "api.tooLarge";
            case SERVICE_UNAVAILABLE -> "api.unavailable";
            default -> status.is4xxClientError() ? "api.badRequest" : "api.unexpected";
        };
    }
}
