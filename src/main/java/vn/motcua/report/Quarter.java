package vn.motcua.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter of a year, written {@code 2026-Q3}: July to September 2026. */
record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** The quarter written as {@code YYYY-Qn}, or null when it is not one (of the years 2000 to 2100). */
    static Quarter parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        return year < FIRST_YEAR || year > LAST_YEAR ? null : new Quarter(year, Integer.parseInt(m.group(2)));
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
