package vn.motcua.dossier;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: the authenticated staff member of the current request, a citizen acting online
 * (named by {@link #runAs}), or the system.
 */
public final class Actors {

    public static final String SYSTEM = "system";

    /** A citizen acting online, identified by the dossier code and their ID number, not by an account. */
    public static final String CITIZEN = "citizen";

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    private Actors() {
    }

    /** The user id of the authenticated caller, else the actor named by {@link #runAs}, else {@link #SYSTEM}. */
    public static String current() {
        Authentication auth = authentication();
        if (auth != null) {
            return auth.getName();
        }
        String acting = ACTING.get();
        return acting != null ? acting : SYSTEM;
    }

    /** The Camunda groups of the authenticated caller (empty for the system and for citizens). */
    public static Set<String> groups() {
        Authentication auth = authentication();
        return auth == null ? Set.of()
                : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** Runs {@code work} with {@link #current()} answering {@code actor} when nobody is authenticated. */
    static void runAs(String actor, Runnable work) {
        String before = ACTING.get();
        ACTING.set(actor);
        try {
            work.run();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth;
    }
}
