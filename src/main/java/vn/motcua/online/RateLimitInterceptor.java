package vn.motcua.online;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.motcua.ratelimit.RateLimit;
import vn.motcua.ratelimit.RateLimiter;

/**
 * Counts every request to a {@link RateLimited} handler against its bucket, per client address,
 * before the request is read or validated: refused attempts count too, so guessing ID numbers is as
 * slow as looking up.
 */
@Component
class RateLimitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final RateLimiter limiter;
    private final OnlineProperties properties;

    RateLimitInterceptor(RateLimiter limiter, OnlineProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RateLimited limited = method.getMethodAnnotation(RateLimited.class);
            if (limited != null) {
                RateLimit limit = switch (limited.value()) {
                    case FILING -> properties.filing();
                    case LOOKUP -> properties.lookup();
                };
                limiter.acquire(limited.value() + "|" + request.getRemoteAddr(), limit).ifPresent(wait -> {
                    throw new TooManyRequests(wait);
                });
            }
        }
        return true;
    }
}
