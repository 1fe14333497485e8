package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when days off or make-up working days change: by an administrator through the API, or
 * when a year of the official days is imported at start-up. Deadlines already computed across these
 * dates (open timers, task due dates) may now be wrong and should be recalculated.
 *
 * <p>It is published inside the transaction that stores the change and after the
 * {@link WorkingCalendar} already answers with the new days, so a listener may recompute at once
 * (an {@code @EventListener} takes part in the transaction and rolls it back if it fails) or after
 * commit ({@code @TransactionalEventListener}).
 *
 * @param dates the changed dates, ascending
 */
public record CalendarChanged(List<LocalDate> dates) {

    public CalendarChanged {
        dates = dates.stream().sorted().distinct().toList();
    }
}
