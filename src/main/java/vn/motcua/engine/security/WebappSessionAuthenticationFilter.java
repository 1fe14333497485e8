package vn.motcua.engine.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a staff member who is logged in to a Camunda webapp (Cockpit, Tasklist) read the project's API
 * from that page without sending credentials again: the Cockpit plugin calls {@code /api/reports/**}
 * with the browser's session cookie only.
 *
 * <p>For {@code GET} and {@code HEAD} requests that carry no other authentication, the filter looks up
 * the Camunda webapp authentication in the existing HTTP session (the {@link Authentications} that
 * Camunda's login stores there, as its own webapp filters read it) for this process engine, and sets a
 * Spring {@code Authentication} shaped like HTTP Basic's: the user id as name, the user's Camunda group
 * ids as authorities. The groups are read from the identity service on every request, so a membership
 * removed, or a user deleted, counts at once rather than when Camunda refreshes its session cache.
 *
 * <p>Writes are left to HTTP Basic: a browser sends the session cookie with any request, so a write
 * on the session alone would need CSRF protection, which the stateless API chain does not have. The one
 * exception is a short list of paths ({@link #SESSION_WRITES}: the catalog import of the Admin plugin), where a
 * write is taken on the session only when it also carries the webapps' own CSRF token in the
 * {@code X-XSRF-TOKEN} header, equal to the one Camunda keeps in that session (the synchronizer token its
 * own webapps send with every write; another site can neither read nor guess it). The filter never creates
 * a session, and logging out of the webapp ends its effect.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** Writes (POST) a webapp session may make, with its CSRF token: importing the procedure list from Admin. */
    static final Set<String> SESSION_WRITES = Set.of("/api/catalog/imports");

    private final IdentityService identity;
    private final String engineName;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebappSessionAuthenticationFilter(IdentityService identity, String engineName) {
        this.identity = identity;
        this.engineName = engineName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return false;
        }
        return !("POST".equals(method) && SESSION_WRITES.contains(pathWithinApplication(request)));
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!alreadyAuthenticated()) {
            String user = sessionUser(request);
            if (user != null && identity.createUserQuery().userId(user).count() > 0) {
                List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, groups));
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    private boolean alreadyAuthenticated() {
        org.springframework.security.core.Authentication current = contexts.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }

    /** The user logged in to the webapps for this engine in the request's session, if any; creates no session. */
    private String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object stored;
        try {
            if (!isSafe(request.getMethod()) && !csrfTokenMatches(request, session)) {
                return null;
            }
            stored = session.getAttribute(CamundaSession.KEY);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        if (!(stored instanceof Authentications authentications)) {
            return null;
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
        return authentication instanceof UserAuthentication user ? user.getIdentityId() : null;
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** Whether the request's X-XSRF-TOKEN header is the CSRF token Camunda's filter keeps in this session. */
    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object kept = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null && !sent.isEmpty() && kept instanceof String token && !token.isEmpty()
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The session attribute under which Camunda's login keeps its {@link Authentications}. */
    private static final class CamundaSession extends AuthenticationUtil {
        static final String KEY = CAM_AUTH_SESSION_KEY;
    }
}
