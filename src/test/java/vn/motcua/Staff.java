package vn.motcua;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a staff member, the way the security filters would set the caller. */
public final class Staff {

    private Staff() {
    }

    public static void actAs(String user, String... groups) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }
}
