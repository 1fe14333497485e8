package vn.motcua.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators maintain the days off and make-up working days. Each change is stored with who made
 * it and when, applied to the {@link WorkingCalendar} at once, and then published as a
 * {@link CalendarChanged} inside the same transaction, so that the engine can recalculate open
 * timers and task due dates across the changed date.
 */
@Service
class CalendarAdministration {

    private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

    private final CalendarDayRepository repository;
    private final StoredCalendarDays days;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarAdministration(CalendarDayRepository repository, StoredCalendarDays days, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.days = days;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<CalendarDay> year(int year) {
        return repository.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Sets the entry of {@code date}, creating or replacing it. */
    @Transactional
    CalendarDay put(LocalDate date, DayKind kind, String name, String by) {
        CalendarDay day = repository.findById(date).orElseGet(() -> new CalendarDay(date));
        day.change(kind, name.strip(), by, clock.instant());
        repository.saveAndFlush(day);
        log.info("Working calendar: {} set to {} ({}) by {}", date, kind, day.getName(), by);
        days.changed(date, Optional.of(kind));
        events.publishEvent(new CalendarChanged(List.of(date)));
        return day;
    }

    /**
     * Removes the entry of {@code date}: the day follows the week again.
     *
     * @return false when there was no entry
     */
    @Transactional
    boolean delete(LocalDate date, String by) {
        Optional<CalendarDay> found = repository.findById(date);
        if (found.isEmpty()) {
            return false;
        }
        CalendarDay day = found.get();
        repository.delete(day);
        repository.flush();
        log.info("Working calendar: {} ({} {}) removed by {}", date, day.getKind(), day.getName(), by);
        days.changed(date, Optional.empty());
        events.publishEvent(new CalendarChanged(List.of(date)));
        return true;
    }
}
