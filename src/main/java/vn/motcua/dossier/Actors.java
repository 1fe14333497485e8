package vn.motcua.dossier;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the authenticated staff member of the current request, or the system. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    /** The user id of the authenticated caller, or {@link #SYSTEM}. */
    public static String current() {
        Authentication auth = authentication();
        return auth == null ? SYSTEM : auth.getName();
    }

    /** The Camunda groups of the authenticated caller (empty for the system). */
    public static Set<String> groups() {
        Authentication auth = authentication();
        return auth == null ? Set.of()
                : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth;
    }
}
