package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Calendar entries held in a map: for unit tests and for code that computes without the database. */
public final class InMemoryCalendarDays implements CalendarDays {

    private final Map<LocalDate, DayKind> days;

    private InMemoryCalendarDays(Map<LocalDate, DayKind> days) {
        this.days = Map.copyOf(days);
    }

    /** No entries: only Saturdays and Sundays are off. */
    public static InMemoryCalendarDays weekendsOnly() {
        return new InMemoryCalendarDays(Map.of());
    }

    public static InMemoryCalendarDays of(Map<LocalDate, DayKind> days) {
        return new InMemoryCalendarDays(days);
    }

    @Override
    public Optional<DayKind> kindOf(LocalDate day) {
        return Optional.ofNullable(days.get(day));
    }
}
