package vn.motcua.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over TLS (directly, or behind a TLS proxy with {@code server.forward-headers-strategy=native} and
 * {@code X-Forwarded-Proto: https}), every cookie the application sets is {@code Secure}: the servlet container
 * marks its session cookie so, but Camunda's CSRF cookie ({@code XSRF-TOKEN}) has only a fixed on/off setting
 * ({@code camunda.bpm.webapp.csrf.enable-secure-cookie}), which would break the plain-HTTP demo. Over plain HTTP the
 * cookies are left as they are. {@code HttpOnly} and {@code SameSite=Lax} come from the container and Camunda's
 * cookie settings; {@code XSRF-TOKEN} stays readable by script, as the webapps echo it in {@code X-XSRF-TOKEN}.
 * HSTS itself is sent by Spring Security on every secure request.
 */
@Configuration(proxyBeanMethods = false)
class SecureCookies {

    @Bean
    FilterRegistrationBean<Filter> secureCookiesFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("secure-cookies");
        registration.addUrlPatterns("/*");
        // outside Spring Security and Camunda's webapp filters, which set the cookies
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, request.isSecure() ? new SecureResponse(response) : response);
        }
    }

    private static final class SecureResponse extends HttpServletResponseWrapper {

        SecureResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
                return value;
            }
            for (String attribute : value.split(";")) {
                if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                    return value;
                }
            }
            return value + ";Secure";
        }
    }
}
