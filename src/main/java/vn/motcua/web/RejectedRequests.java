package vn.motcua.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (a {@code ;} path parameter, an encoded slash or NUL, a
 * {@code ..} segment): 400, answered by {@link ErrorFallback} as problem+json or the citizens' error page.
 * Spring Security's filter chain uses this bean instead of its own handler.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        request.setAttribute(ErrorFallback.DETAIL_KEY, "api.rejected");
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
