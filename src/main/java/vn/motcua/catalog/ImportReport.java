package vn.motcua.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What an import did: the counts, the imported procedures the file no longer lists (kept), the headers no
 * column uses, and one line per row of the file with its outcome and, for a refused row, the reasons in
 * Vietnamese.
 *
 * @param id     the import's record ({@code /api/catalog/imports/{id}}), null for a dry run (nothing kept)
 * @param absent codes of imported procedures this file does not list (at most 100 named; {@code absentCount} all)
 */
public record ImportReport(Long id, boolean dryRun, Instant at, String actor, String fileName, String format,
        String sha256, int rows, int created, int updated, int unchanged, int kept, int refused, int absentCount,
        List<String> absent, List<String> ignoredColumns, List<Row> report) {

    /** A row of the file. */
    public record Row(int line, String code, ImportOutcome outcome, List<String> messages) {
    }
}
