package vn.motcua.web;

import java.util.regex.Pattern;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: refuses, before any other filter or servlet parses them, a path
 * with a {@code ;} parameter (which the engine REST servlet's path handling fails on, before Spring
 * Security's firewall would refuse it), a percent-encoded NUL, a percent-encoded letter, digit or
 * {@code - . _ ~} (RFC 3986 calls for these never to be encoded; a path such as {@code /%61pi/…} or
 * {@code /%65ngine-rest/…} is matched differently by the servlet, the security chains and the engine's REST
 * servlet, so it is no path anyone needs), and a {@code Content-Type} that is no concrete media type
 * ({@code *}{@code /*}, {@code application/*}, unparsable). {@link ErrorFallback} answers them: 400 or
 * 415, problem+json or the citizens' error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard extends OncePerRequestFilter {

    /** A percent-encoded unreserved character: A–Z, a–z, 0–9, {@code - . _ ~}. */
    private static final Pattern ENCODED_UNRESERVED = Pattern.compile(
            "%(?:4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|3[0-9]|2[de]|5f|7e)", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri != null && (uri.indexOf(';') >= 0 || uri.toLowerCase().contains("%00")
                || ENCODED_UNRESERVED.matcher(uri).find())) {
            request.setAttribute(ErrorFallback.DETAIL_KEY, "api.rejected");
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            request.setAttribute(ErrorFallback.DETAIL_KEY, "api.mediaType");
            response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
