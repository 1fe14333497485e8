package vn.motcua.web;

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
 * Security's firewall would refuse it) and a {@code Content-Type} that is no concrete media type
 * ({@code *}{@code /*}, {@code application/*}, unparsable). {@link ErrorFallback} answers them: 400 or
 * 415, problem+json or the citizens' error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri != null && (uri.indexOf(';') >= 0 || uri.toLowerCase().contains("%00"))) {
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
