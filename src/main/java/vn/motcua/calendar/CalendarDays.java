package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The exceptions to the weekly rhythm: dates that the government's yearly announcements turn into
 * days off or into working days. A date without an entry follows the week (Monday to Friday worked,
 * Saturday and Sunday off).
 */
public interface CalendarDays {

    /** The entry for {@code day}, empty when the day follows the week. */
    Optional<DayKind> kindOf(LocalDate day);

    /**
     * Whether the government's schedule for {@code day}'s year is not known yet, so that what
     * {@link #kindOf} answers there is provisional (the Labour Code's days off) and may change when the
     * official schedule is entered.
     */
    default boolean isProvisional(LocalDate day) {
        return false;
    }
}
