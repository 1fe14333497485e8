package vn.motcua.catalog;

/** Where a procedure of the catalog comes from. */
public enum ProcedureSource {
    /**
     * The catalog data file ({@code catalog/catalog.yml}), loaded at start-up: a procedure with its own
     * internal process (step shares, possibly a dedicated handling process). Imports never change it.
     */
    CATALOG_FILE,
    /** An administrator's import of the province's procedure list (a spreadsheet): the standard handling process. */
    IMPORT
}
