package vn.motcua.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Tomcat's part of the error answers. It passes {@code %2F} and {@code %5C} in a path on, still encoded,
 * instead of refusing the request with its own HTML page: Spring Security's firewall then refuses them (it
 * allows no encoded slash or backslash), and {@link RejectedRequests} answers. What Tomcat still refuses
 * itself, before the application sees the request (an encoded NUL, a malformed escape), is answered by
 * {@link ProblemReportValve} in place of Tomcat's HTML report: problem+json, or the citizens' error page.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectProvider<ErrorFallback> fallback;

    EncodedSlashes(ObjectProvider<ErrorFallback> fallback) {
        this.fallback = fallback;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                // the host adds no report valve of its own when one of this class is there
                host.getPipeline().addValve(new ProblemReportValve(fallback));
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report for errors no servlet answered, written by {@link ErrorFallback}. */
    static class ProblemReportValve extends ErrorReportValve {

        private final ObjectProvider<ErrorFallback> fallback;

        ProblemReportValve(ObjectProvider<ErrorFallback> fallback) {
            this.fallback = fallback;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ErrorFallback errors = fallback.getIfAvailable();
            if (errors == null) {
                super.report(request, response, throwable);
                return;
            }
            ResponseEntity<String> answer = errors.outside(request.getRequestURI(), status);
            try {
                response.setContentType(answer.getHeaders().getContentType().toString());
                response.setCharacterEncoding("UTF-8");
                byte[] body = answer.getBody().getBytes(StandardCharsets.UTF_8);
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone: nothing to tell it
            }
        }
    }
}
