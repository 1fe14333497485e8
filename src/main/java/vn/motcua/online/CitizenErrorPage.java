package vn.motcua.online;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The citizens' error page for failures that happen before any page's controller runs (a refused
 * address, an upload over the servlet's bounds): the web layer's error fallback asks here whether a
 * path is a citizens' page and, if so, answers this page instead of JSON.
 */
@Component
public class CitizenErrorPage {

    private static final List<String> PREFIXES = List.of("/nop-ho-so", "/tra-cuu", "/khao-sat");

    private final Pages pages;

    CitizenErrorPage(Pages pages) {
        this.pages = pages;
    }

    /** Whether the path (as requested, before decoding) is one of the citizens' pages. */
    public boolean covers(String path) {
        if (path == null) {
            return false;
        }
        if (path.equals("/") || path.isEmpty()) {
            return true;
        }
        // the page itself, or followed by a sub-path, a path parameter or an escape ("/tra-cuu%00")
        return PREFIXES.stream().anyMatch(p -> path.startsWith(p)
                && (path.length() == p.length() || "/;?%".indexOf(path.charAt(p.length())) >= 0));
    }

    /** The error page with a Vietnamese message. */
    public ResponseEntity<String> page(HttpStatusCode status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("message", message);
        return pages.render(status, "error", model);
    }
}
