package vn.motcua.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts one group of surveys adds up to, and the indexes computed from them (percentages with two
 * decimals, half up; null when there is nothing to divide by).
 *
 * <ul>
 * <li>response rate = responses / invitations;</li>
 * <li>an element's index = answers satisfied or very satisfied (4 or 5) / responses;</li>
 * <li>SIPAS = the average of the five element indexes, computed unrounded: all satisfied answers of the
 * five elements / (5 × responses).</li>
 * </ul>
 *
 * @param access    responses satisfied (4 or 5) with access to the service; likewise the other elements and overall
 */
record Tally(long invitations, long responses, long access, long procedure, long officers, long result, long feedback,
        long overall, long complaints) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** From a query row: the nine counts in this record's order, from {@code offset}. */
    static Tally of(Object[] row, int offset) {
        long[] n = new long[9];
        for (int i = 0; i < n.length; i++) {
            Object value = row[offset + i];
            n[i] = value == null ? 0 : ((Number) value).longValue();
        }
        return new Tally(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
    }

    BigDecimal responseRate() {
        return percent(responses, invitations);
    }

    /** The index of each element, keyed as in the API, in SIPAS order. */
    Map<String, BigDecimal> elements() {
        Map<String, BigDecimal> indexes = new LinkedHashMap<>();
        indexes.put(SipasElement.ACCESS.key(), percent(access, responses));
        indexes.put(SipasElement.PROCEDURE.key(), percent(procedure, responses));
        indexes.put(SipasElement.OFFICERS.key(), percent(officers, responses));
        indexes.put(SipasElement.RESULT.key(), percent(result, responses));
        indexes.put(SipasElement.FEEDBACK.key(), percent(feedback, responses));
        return indexes;
    }

    BigDecimal overallIndex() {
        return percent(overall, responses);
    }

    BigDecimal sipas() {
        return percent(access + procedure + officers + result + feedback, 5 * responses);
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
