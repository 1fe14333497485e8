package vn.motcua.report;

import java.util.Locale;

/**
 * Which unit a dossier's figures belong to: the unit whose counter received it ({@code by=receiving}, the
 * default), or the units that handle it ({@code by=handling}: the units holding its handling steps, see
 * {@link vn.motcua.deadline.HandlingStatistics}; an interconnected set counts once for each of its agencies).
 */
enum Attribution {
    RECEIVING,
    HANDLING;

    /** The API's value: {@code receiving}, {@code handling}. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The API's value, or null when it is none of them; receiving when absent. */
    static Attribution parse(String value) {
        if (value == null || value.isBlank()) {
            return RECEIVING;
        }
        for (Attribution a : values()) {
            if (a.value().equals(value.strip())) {
                return a;
            }
        }
        return null;
    }
}
