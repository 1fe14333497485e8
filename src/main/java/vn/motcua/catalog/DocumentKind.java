package vn.motcua.catalog;

/** The kind of a required paper: original, certified copy or photocopy. */
public enum DocumentKind {
    ORIGINAL,
    CERTIFIED_COPY,
    PHOTOCOPY
}
