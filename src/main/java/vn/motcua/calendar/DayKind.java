package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** What an entry of the working calendar makes of its date. */
public enum DayKind {

    /** A weekday that is off: a public holiday, a Tết day, a compensatory day (nghỉ bù) or a swapped day. */
    DAY_OFF,

    /** A Saturday or Sunday that is worked: a make-up working day (làm bù) traded for a swapped day off. */
    WORKING_DAY;

    /**
     * Whether an entry of this kind changes anything on {@code day}: a day off only on a weekday, a
     * working day only on a weekend. Anything else is a mistake in the data.
     */
    public boolean fits(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return this == WORKING_DAY ? weekend : !weekend;
    }
}
