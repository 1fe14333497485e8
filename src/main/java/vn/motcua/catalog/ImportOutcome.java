package vn.motcua.catalog;

/** What an import did with a row of the file. */
public enum ImportOutcome {
    /** A new procedure. */
    CREATED,
    /** An imported procedure whose row changed. */
    UPDATED,
    /** The same row as last imported: nothing changed. */
    UNCHANGED,
    /** A procedure of the catalog data file, with its own internal process: imports do not change it. */
    KEPT,
    /** The row breaks a rule: nothing of it applied; the reasons say why. */
    REFUSED
}
