package vn.motcua.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import vn.motcua.calendar.WorkingCalendar;

/**
 * A period of whole days of the province (Asia/Ho_Chi_Minh), both ends included, and the moment its
 * figures are looked at.
 */
record ReportPeriod(LocalDate from, LocalDate to, WorkingCalendar calendar) {

    /** The first instant of a day. */
    Instant start(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }

    /** The end of the period: the first instant of the day after {@code to}. */
    Instant end() {
        return start(to.plusDays(1));
    }

    /** Now (to the second), or the end of the period when that is past. */
    Instant asOf() {
        Instant now = calendar.now().truncatedTo(ChronoUnit.SECONDS);
        return now.isBefore(end()) ? now : end();
    }
}
