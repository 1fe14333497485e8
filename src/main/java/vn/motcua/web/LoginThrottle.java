package vn.motcua.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.motcua.http.CachedBodyRequest;
import vn.motcua.ratelimit.RateLimit;
import vn.motcua.ratelimit.RateLimiter;

/**
 * Slows down password guessing on every login path: HTTP Basic on {@code /api/**}, {@code /actuator/**} and the
 * engine REST API {@code /engine-rest/**}, and the Camunda webapps' login form
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A failed login (the request carried credentials
 * and was answered 401) counts against the client address and against (client address, user name); once either
 * is used up, that address's logins are answered 429 with {@code Retry-After} before any password is checked.
 * Other addresses, the real user's included, log in as usual.
 *
 * <p>A servlet filter in front of Spring Security, Camunda's webapp filters and the engine REST API's own Basic
 * filter, so one count covers them all.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

    @Bean
    FilterRegistrationBean<Filter> loginThrottleFilter(RateLimiter limiter, LoginThrottleProperties limits,
            ObjectMapper json, MessageSource messages,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new Filter(limiter, limits, json, messages, webappPath));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        // after the character encoding filter (the login form's user name), before every authentication
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }

    /**
     * The webapp login form, read here for its user name and handed on unread: Camunda's login resource reads the
     * body again (were the servlet's parameters parsed instead, Jersey would warn on every login).
     */
    static final class ReadForm extends CachedBodyRequest {

        private static final int MAX_FORM = 16 * 1024;

        ReadForm(HttpServletRequest request) throws IOException {
            super(request, request.getInputStream().readNBytes(MAX_FORM));
        }

        String field(String name) {
            String prefix = name + "=";
            for (String pair : new String(body(), StandardCharsets.ISO_8859_1).split("&")) {
                if (pair.startsWith(prefix)) {
                    try {
                        return URLDecoder.decode(pair.substring(prefix.length()), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return pair.substring(prefix.length());
                    }
                }
            }
            return null;
        }
    }

    static final class Filter extends OncePerRequestFilter {

        private static final String BASIC = "basic ";
        private static final int MAX_USER_LENGTH = 128;

        private final RateLimiter limiter;
        private final LoginThrottleProperties limits;
        private final ObjectMapper json;
        private final MessageSource messages;
        private final Pattern webappLogin;

        Filter(RateLimiter limiter, LoginThrottleProperties limits, ObjectMapper json, MessageSource messages,
                String webappPath) {
            this.limiter = limiter;
            this.limits = limits;
            this.json = json;
            this.messages = messages;
            String base = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
            this.webappLogin = Pattern.compile(Pattern.quote(base) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && webappLogin.matcher(path(request)).matches()) {
                request = new ReadForm(request);
            }
            Optional<String> user = loginUser(request);
            if (user.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            String address = request.getRemoteAddr();
            String addressKey = "login|" + address;
            String userKey = addressKey + "|" + user.get();
            Optional<Duration> wait = limiter.exhausted(Map.of(addressKey, limits.perAddress(),
                    userKey, limits.perUser()));
            if (wait.isPresent()) {
                tooManyAttempts(request, response, wait.get());
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                limiter.acquire(addressKey, limits.perAddress());
                limiter.acquire(userKey, limits.perUser());
            }
        }

        /** The user name a login attempt names (lower case), or empty when the request is no login. */
        private Optional<String> loginUser(HttpServletRequest request) {
            if (request instanceof ReadForm form) {
                return Optional.of(normalise(form.field("username")));
            }
            // Basic credentials count wherever they are sent: the raw path is not what the security chains match
            // (they decode it: /%61pi/… is /api/…), so no spelling of a path may escape the count
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            return Optional.of(normalise(colon < 0 ? decoded : decoded.substring(0, colon)));
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

        private static String normalise(String user) {
            String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
            return name.length() > MAX_USER_LENGTH ? name.substring(0, MAX_USER_LENGTH) : name;
        }

        private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration wait)
                throws IOException {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            long minutes = Math.max(1, (seconds + 59) / 60);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.getMessage("login.tooManyAttempts", new Object[] {minutes}, Locale.forLanguageTag("vi")));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            if (request.isSecure()) {
                // answered before Spring Security, which sends HSTS on every other secure response
                response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
