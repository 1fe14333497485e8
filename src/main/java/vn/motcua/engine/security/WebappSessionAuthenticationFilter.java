package vn.motcua.engine.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

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
import org.springframework.util.AntPathMatcher;
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
 * <p>Writes are left to HTTP Basic, except the few Tasklist's and Admin's pages make ({@link #SESSION_WRITES}: the
 * counter's intake, scans, the electronic result, the catalog import), which take the session only with its CSRF token in the
 * {@code X-XSRF-TOKEN} header, as Camunda's own webapp API does: a browser sends the session cookie with any
 * request, a page of another site cannot read the token. The filter never creates a session, and logging out of
 * the webapp ends its effect.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /**
     * The writes a staff member makes from Tasklist's and Admin's pages with the session (and its CSRF token): the
     * counter's intake, the scans of a supplement, the electronic result, the procedure list imported from Admin.
     * Every other write needs HTTP Basic. Each endpoint still checks who may call it.
     */
    static final List<String> SESSION_WRITES = List.of("/api/counter/dossiers", "/api/dossiers/*/supplement/files",
            "/api/dossiers/*/result", "/api/catalog/imports");
    /** Where and under which name Camunda's CSRF filter keeps the token ({@code CsrfConstants}). */
    static final String CSRF_SESSION_ATTRIBUTE = CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;
    static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
    private static final AntPathMatcher PATHS = new AntPathMatcher();

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
        return !"GET".equals(method) && !"HEAD".equals(method) && !("POST".equals(method) && isSessionWrite(request));
    }

    /** Whether the request is one of the writes Tasklist's pages make with the session ({@link #SESSION_WRITES}). */
    static boolean isSessionWrite(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
        return SESSION_WRITES.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (write && !csrfTokenMatches(request)) {
            // a write on the session alone could come from any page the officer has open: no token, no session
            chain.doFilter(request, response);
            return;
        }
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

    /**
     * Whether the request carries the webapps' CSRF token of its session in the {@code X-XSRF-TOKEN} header, as
     * Tasklist's own requests do (Camunda's CSRF filter keeps the token in the session and in the readable
     * {@code XSRF-TOKEN} cookie; a page of another site can send the cookie but cannot read it). Compared in
     * constant time.
     */
    private static boolean csrfTokenMatches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(CSRF_HEADER);
        if (session == null || header == null || header.isBlank()) {
            return false;
        }
        Object token;
        try {
            token = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return false;
        }
        return token instanceof String expected && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), header.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The user logged in to the webapps for this engine in the request's session, if any; creates no session. */
    private String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object stored;
        try {
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

    /** The session attribute under which Camunda's login keeps its {@link Authentications}. */
    private static final class CamundaSession extends AuthenticationUtil {
        static final String KEY = CAM_AUTH_SESSION_KEY;
    }
}
