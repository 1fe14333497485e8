package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/** The shape of the catalog data file ({@code catalog/catalog.yml}); unknown keys are refused by the loader. */
record CatalogFile(List<UnitEntry> units, List<ProcedureEntry> procedures) {

    /**
     * @param governingBody the body above the unit in the heading of its documents (Decree 30/2020), e.g.
     *                      "UBND thành phố Huế"; null for a body without one (a commune's People's Committee)
     * @param headingName   the unit's name as that heading writes it under the governing body, e.g. "Trung tâm
     *                      Phục vụ hành chính công"; null to use {@code name}
     * @param symbol        the unit's abbreviation in its document numbers ("Số: 05/TB-UBND"); may be null
     */
    record UnitEntry(String key, String code, String name, UnitLevel level, String governingBody, String headingName,
            String symbol) {
    }

    record ProcedureEntry(
            String code,
            String name,
            String sector,
            UnitLevel level,
            String receivingUnit,
            List<String> handlingUnits,
            StatutoryEntry statutory,
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
     * The statutory time: exactly one of {@code days} (working days), {@code hours} (working hours),
     * {@code calendarDays} (days as the law says "ngày") or {@code sameDay: true}.
     */
    record StatutoryEntry(Integer days, Integer hours, Integer calendarDays, Boolean sameDay) {

        /** The time, or null when not exactly one positive amount is given. */
        StatutoryTime toTime() {
            int given = (days != null ? 1 : 0) + (hours != null ? 1 : 0) + (calendarDays != null ? 1 : 0)
                    + (Boolean.TRUE.equals(sameDay) ? 1 : 0);
            if (given != 1) {
                return null;
            }
            try {
                if (days != null) {
                    return StatutoryTime.days(days);
                }
                if (hours != null) {
                    return StatutoryTime.hours(hours);
                }
                return calendarDays != null ? StatutoryTime.calendarDays(calendarDays) : StatutoryTime.sameDay();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * A field the procedure asks for besides the applicant (the enterprise's name, the child's name…): a key of
     * the dossier's {@code formData}, its label, and whether it takes several lines.
     */
    record FieldEntry(String key, String label, Boolean multiline) {
    }
}
