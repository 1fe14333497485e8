package vn.motcua.mail;

import java.util.Objects;

/**
 * Pre-rendered HTML that an HTML template inserts as it is, without escaping. Every other value
 * is escaped. Wrap only HTML the code produced itself from escaped parts, never text that a citizen
 * or an officer typed.
 *
 * @param html the markup, inserted verbatim
 */
public record TrustedHtml(String html) {

    public TrustedHtml {
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return html;
    }
}
