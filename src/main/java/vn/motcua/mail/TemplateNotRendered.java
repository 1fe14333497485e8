package vn.motcua.mail;

/**
 * A template could not be rendered: it is missing, malformed, or uses a variable or method the
 * model does not have (templates run in Velocity's strict mode, so nothing renders blank silently).
 */
public class TemplateNotRendered extends RuntimeException {

    private final String template;

    public TemplateNotRendered(String template, Throwable cause) {
        super("Template " + template + " not rendered: " + cause.getMessage(), cause);
        this.template = template;
    }

    /** The template's path under {@code templates/}. */
    public String template() {
        return template;
    }
}
