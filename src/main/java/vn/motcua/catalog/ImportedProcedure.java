package vn.motcua.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;

/**
 * A procedure as a valid row of an imported list gives it, its units resolved to keys. It runs on the
 * standard handling process, with the province's own step shares when the row gives them, else the
 * default split ({@link #defaultSteps(StatutoryTime, String)}).
 */
record ImportedProcedure(String code, String name, String sector, UnitLevel level, String receivingUnit,
        List<String> handlingUnits, StatutoryTime time, LocalTime cutoff, long fee, String feeNote, boolean online,
        List<RequiredDocument> documents, List<StepShare> steps, boolean defaultSteps, Boolean verified,
        String note) {

    static final String STANDARD_PROCESS = "handlingStandard";
    /** The steps of the standard handling process that carry a share (appraisal and approval, then the return at the counter). */
    static final List<String> STANDARD_STEPS = List.of("appraise", "approve", "returnResult");
    /** The default split of the statutory time, in per cent: appraisal, approval, result return. */
    static final int APPRAISE_PERCENT = 70;
    static final int APPROVE_PERCENT = 20;
    static final int RETURN_PERCENT = 10;

    /**
     * The default internal process: of the statutory time (in working minutes, for calendar days and the
     * same day the nominal 8 hours a day), approval gets 20 % and the return of the result at the receiving
     * counter 10 %, both rounded to whole minutes, and appraisal the rest (about 70 %); appraisal and
     * approval are the lead handling unit's, the return the receiving unit's.
     */
    static List<StepShare> defaultSteps(StatutoryTime time, String receivingUnit) {
        long total = time.workingMinutes();
        long approve = Math.max(1, Math.round(total * APPROVE_PERCENT / 100.0));
        long giveBack = Math.max(1, Math.round(total * RETURN_PERCENT / 100.0));
        long appraise = total - approve - giveBack;
        return List.of(new StepShare("appraise", appraise, null, null), new StepShare("approve", approve, null, null),
                new StepShare("returnResult", giveBack, receivingUnit, null));
    }

    /** A fingerprint of everything the row sets: the same row imported again is recognised as unchanged. */
    String fingerprint() {
        StringBuilder s = new StringBuilder();
        field(s, code);
        field(s, name);
        field(s, sector);
        field(s, level.name());
        field(s, receivingUnit);
        field(s, String.join(",", handlingUnits));
        field(s, time.unit() + ":" + time.amount());
        field(s, cutoff == null ? "" : cutoff.toString());
        field(s, Long.toString(fee));
        field(s, feeNote);
        field(s, Boolean.toString(online));
        documents.forEach(d -> field(s, d.name() + "|" + d.kind() + "|" + d.count()));
        field(s, "steps");
        steps.forEach(st -> field(s, st.step() + "|" + st.workingMinutes() + "|" + st.unitKey()));
        field(s, Boolean.toString(defaultSteps));
        field(s, String.valueOf(verified));
        field(s, note);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder s, String value) {
        s.append(value == null ? "\u0000" : value).append('\u001f');
    }
}
