package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import vn.motcua.online.CitizenErrorPage;

/**
 * The database down while a filter works (the login check): 503 problem+json, not Spring's default JSON
 * nor a 401. The real database cannot be stopped under the shared test context, so the failure is given
 * as the servlet container hands it over.
 */
class ErrorFallbackTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static CannotCreateTransactionException databaseDown() {
        return new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    }

    @Test
    void aFilterFailingOnTheDatabaseIs503ProblemJson() {
        ErrorFallback fallback = new ErrorFallback(messages(), mock(CitizenErrorPage.class), JSON);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/dossiers");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException(databaseDown()));
        ResponseEntity<?> answer = fallback.error(request);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("cơ sở dữ liệu");
        // an unknown path
        request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        assertThat(fallback.error(request).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theLoginCheckFailingOnTheDatabaseIs503Not401() throws Exception {
        ProblemResponses problems = new ProblemResponses(JSON, messages());
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.commence(new MockHttpServletRequest("GET", "/api/dossiers"), response,
                new InternalAuthenticationServiceException("login check failed", databaseDown()));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        JsonNode body = JSON.readTree(response.getContentAsByteArray());
        assertThat(body.get("detail").asText()).contains("cơ sở dữ liệu");
    }
}
