package vn.motcua.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of everything the project serves itself: the citizens' pages, the survey page, the staff
 * documents and the API. A strict {@code Content-Security-Policy} (no script at all; this site's styles and the
 * documents' own inline styles, which print and PDF rendering need; no framing by other sites, forms posting only
 * here, no {@code <base>}, no plugins), {@code Referrer-Policy: no-referrer} (the survey link carries its token)
 * and, as Spring Security always sends, {@code X-Content-Type-Options: nosniff}. A page that sets its own policy
 * (the citizens' pages, stricter still) keeps it: these are written only when the response has none. The Camunda
 * webapps and the engine REST API keep their own headers; Swagger UI may load its own scripts.
 */
final class PageHeaders {

    static final String POLICY = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";
    static final String SWAGGER_POLICY = POLICY.replace("script-src 'none'", "script-src 'self'");

    private PageHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> project() {
        RequestMatcher camunda = request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/camunda/") || path.equals("/camunda") || path.startsWith("/engine-rest/");
        };
        RequestMatcher swagger = request -> request.getRequestURI().substring(request.getContextPath().length())
                .startsWith("/swagger-ui");
        RequestMatcher ours = request -> !camunda.matches(request) && !swagger.matches(request);
        return headers -> headers
                .addHeaderWriter(only(ours, new ContentSecurityPolicyHeaderWriter(POLICY)))
                .addHeaderWriter(only(swagger, new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)))
                .addHeaderWriter(only(request -> !camunda.matches(request),
                        new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)));
    }

    private static HeaderWriter only(RequestMatcher matcher, HeaderWriter writer) {
        return new DelegatingRequestMatcherHeaderWriter(matcher, writer);
    }
}
