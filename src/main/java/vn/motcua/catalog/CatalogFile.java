package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/** The shape of the catalog data file ({@code catalog/catalog.yml}); unknown keys are refused by the loader. */
record CatalogFile(List<UnitEntry> units, List<ProcedureEntry> procedures) {

    record UnitEntry(String key, String code, String name, UnitLevel level) {
    }

    record ProcedureEntry(
            String code,
            String name,
            String sector,
            UnitLevel level,
            String receivingUnit,
            List<String> handlingUnits,
            StatutoryTime statutory,
            LocalTime afternoonCutoff,
            long fee,
            String feeNote,
            boolean online,
            String process,
            List<DocumentEntry> documents,
            List<StepEntry> steps,
            Boolean interconnected,
            List<FieldEntry> fields) {

        /** Marked {@code interconnected: true}: a set handled by several agencies (absent means not). */
        boolean isInterconnected() {
            return Boolean.TRUE.equals(interconnected);
        }
    }

    /**
     * A step's share of the statutory time, in working hours (decimals allowed: 0.5 is 30 minutes).
     * Steps with the same {@code parallel} name run side by side: they count once, by the longest.
     */
    record StepEntry(String step, BigDecimal hours, String unit, String parallel) {
    }

    record DocumentEntry(String name, DocumentKind kind, int count) {
    }

    /**
     * A field the procedure asks for besides the applicant (the enterprise's name, the child's name…): a key of
     * the dossier's {@code formData}, its label, and whether it takes several lines.
     */
    record FieldEntry(String key, String label, Boolean multiline) {
    }
}
