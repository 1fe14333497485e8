package vn.motcua.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators maintain the days off and make-up working days: one date at a time, or a year's whole
 * official schedule once it is announced (which ends that year's provisional days). Each change is stored
 * with who made it and when, applied to the {@link WorkingCalendar} at once, and then published as a
 * {@link CalendarChanged} inside the same transaction, so that the engine can recalculate open
 * timers and task due dates across the changed date.
 */
@Service
class CalendarAdministration {

    private static final Logger log = LoggerFactory.getLogger(CalendarAdministration.class);

    private final CalendarDayRepository repository;
    private final CalendarYearRepository years;
    private final StoredCalendarDays days;
    private final ProvisionalDays provisional;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CalendarProperties hours;

    CalendarAdministration(CalendarDayRepository repository, CalendarYearRepository years, StoredCalendarDays days,
            ProvisionalDays provisional, ApplicationEventPublisher events, Clock clock, CalendarProperties hours) {
        this.repository = repository;
        this.years = years;
        this.days = days;
        this.provisional = provisional;
        this.events = events;
        this.clock = clock;
        this.hours = hours;
    }

    /**
     * A day of the year's calendar as it stands: an entry stored in the database, or, in a year without an
     * official schedule, a provisional day off of the Labour Code.
     *
     * @param rule the provision a provisional day follows; null for a stored entry
     */
    record YearDay(LocalDate date, DayKind kind, String name, boolean provisional, String rule) {
    }

    /**
     * What a year's calendar holds: its stored entries and, while it has no official schedule, the provisional
     * days off that no stored entry overrides, ascending.
     */
    @Transactional(readOnly = true)
    List<YearDay> year(int year) {
        Map<LocalDate, YearDay> found = new TreeMap<>();
        if (!days.isOfficial(year)) {
            provisional.of(year).forEach(d -> found.put(d.date(), new YearDay(d.date(), DayKind.DAY_OFF, d.name(), true,
                    d.rule())));
        }
        storedEntries(year).forEach(d -> found.put(d.getDate(), new YearDay(d.getDate(), d.getKind(), d.getName(),
                false, null)));
        return List.copyOf(found.values());
    }

    /**
     * Whether a year's official schedule is known, where it comes from, and how many of its days are
     * provisional.
     *
     * @param source     the announcement or file the schedule was entered from; null while provisional
     * @param enteredBy  who entered it; null while provisional
     * @param enteredAt  when; null while provisional
     * @param entries    the entries stored for the year (while provisional: an administrator's adjustments)
     * @param provisionalDays the provisional days off in force (0 once official)
     */
    record YearStatus(int year, boolean official, String source, String enteredBy, Instant enteredAt, int entries,
            int provisionalDays) {
    }

    /**
     * The status of every year with an official schedule or a stored entry, and of the current and the next
     * year whatever they hold, ascending.
     */
    @Transactional(readOnly = true)
    List<YearStatus> years() {
        int thisYear = LocalDate.ofInstant(clock.instant(), hours.zone()).getYear();
        Map<Integer, YearStatus> found = new TreeMap<>();
        Map<Integer, Integer> stored = new HashMap<>();
        repository.findAll().forEach(d -> stored.merge(d.getDate().getYear(), 1, Integer::sum));
        Map<Integer, CalendarYear> official = new HashMap<>();
        years.findAll().forEach(y -> official.put(y.getYear(), y));
        List<Integer> all = new ArrayList<>(official.keySet());
        all.addAll(stored.keySet());
        all.add(thisYear);
        all.add(thisYear + 1);
        for (int year : all) {
            CalendarYear known = official.get(year);
            found.put(year, known != null
                    ? new YearStatus(year, true, known.getSource(), known.getEnteredBy(), known.getEnteredAt(),
                            stored.getOrDefault(year, 0), 0)
                    : new YearStatus(year, false, null, null, null, stored.getOrDefault(year, 0),
                            (int) year(year).stream().filter(YearDay::provisional).count()));
        }
        return List.copyOf(found.values());
    }

    /**
     * Enters the official schedule of a year as announced: its entries replace whatever the year held (its
     * provisional days, an administrator's adjustments, an earlier schedule), and the year is official from
     * now on. The working calendar answers with it at once; the change is announced as a
     * {@link CalendarChanged} of every date whose entry changed or was provisional, so that open deadlines
     * move.
     *
     * @param entries checked by the caller: each in {@code year}, fitting its date, one per date
     */
    @Transactional
    YearStatus enterYear(int year, String source, List<OfficialDaysFile.Entry> entries, String by) {
        Instant now = clock.instant();
        List<LocalDate> changed = new ArrayList<>();
        List<YearDay> before = year(year);
        before.forEach(d -> changed.add(d.date()));
        repository.deleteByDateBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        repository.flush();
        Map<LocalDate, DayKind> kinds = new HashMap<>();
        for (OfficialDaysFile.Entry e : entries) {
            CalendarDay day = new CalendarDay(e.date());
            day.change(e.kind(), e.name().strip(), by, now);
            repository.save(day);
            kinds.put(e.date(), e.kind());
            changed.add(e.date());
        }
        CalendarYear known = years.findById(year).orElseGet(() -> new CalendarYear(year, source.strip(), by, now));
        known.change(source.strip(), by, now);
        years.save(known);
        repository.flush();
        log.info("Working calendar {}: official schedule entered by {} from \"{}\": {} (was {})", year, by,
                source.strip(), entries.stream().map(e -> e.date() + " " + e.kind() + " " + e.name().strip()).toList(),
                before.stream().map(d -> d.date() + " " + d.kind() + (d.provisional() ? " provisional" : "")).toList());
        days.yearChanged(year, kinds, true);
        events.publishEvent(new CalendarChanged(changed));
        return years().stream().filter(s -> s.year() == year).findFirst().orElseThrow();
    }

    /**
     * Withdraws a year's official schedule (entered for the wrong year, say): its entries are removed and the
     * year has the Labour Code's provisional days again; open deadlines move. A year the official days file
     * ships is imported again at the next start.
     *
     * @return false when the year had no official schedule
     */
    @Transactional
    boolean withdrawYear(int year, String by) {
        Optional<CalendarYear> known = years.findById(year);
        if (known.isEmpty()) {
            return false;
        }
        List<LocalDate> changed = new ArrayList<>(storedEntries(year).stream().map(CalendarDay::getDate).toList());
        repository.deleteByDateBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        years.delete(known.get());
        repository.flush();
        days.yearChanged(year, Map.of(), false);
        provisional.of(year).forEach(d -> changed.add(d.date()));
        log.warn("Working calendar {}: official schedule (from \"{}\") withdrawn by {}; the year's days off are"
                + " provisional again", year, known.get().getSource(), by);
        events.publishEvent(new CalendarChanged(changed));
        return true;
    }

    /** Whether {@code date} is a provisional day off (of a year without official schedule) and not stored. */
    @Transactional(readOnly = true)
    boolean isProvisionalOnly(LocalDate date) {
        return !days.isOfficial(date.getYear()) && provisional.on(date).isPresent()
                && repository.findById(date).isEmpty();
    }

    private List<CalendarDay> storedEntries(int year) {
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
