package vn.motcua.catalog;

/**
 * A file refused as a whole (nothing of it is applied): too large, of a format not read, unreadable,
 * without the required columns. Carries the message key and its arguments; the web layer answers it
 * with {@link #kind()}'s status as problem+json.
 */
public class CatalogImportRefused extends RuntimeException {

    /** Why the file is refused; the HTTP status that says it. */
    public enum Kind {
        /** 413 */
        TOO_LARGE,
        /** 415 */
        UNSUPPORTED,
        /** 400 */
        INVALID
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    CatalogImportRefused(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
