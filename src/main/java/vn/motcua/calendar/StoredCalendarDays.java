package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar entries stored in the database (table {@code calendar_day}), answered from memory.
 * At start-up the years of the official days file that the database does not know yet are imported
 * and committed, then everything is read (whichever bean asks first, the engine's deployment included,
 * sees the imported days); once the application is ready, the imported dates are announced as a
 * {@link CalendarChanged}, so that deadlines computed before (by a version without that year) are
 * recalculated.
 *
 * <p>A year the database holds no official schedule for ({@code calendar_year}) has, besides any entry an
 * administrator stored for it, the provisional days off of the Labour Code ({@link ProvisionalDays}); its
 * days answer {@link #isProvisional} true until its official schedule is entered.
 *
 * <p>A change is applied to the memory at once, inside the transaction that stores it, so that
 * {@link CalendarChanged} listeners already compute with it; when that transaction ends, committed or
 * rolled back, the memory is read again from the database. The memory is per application instance:
 * another instance sees an administrator's change after its own restart.
 */
@Component
class StoredCalendarDays implements CalendarDays, InitializingBean {

    private final CalendarDayRepository repository;
    private final CalendarYearRepository years;
    private final ProvisionalDays provisional;
    private final OfficialDaysImport officialDays;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateReadOnly;
    private final List<LocalDate> notAnnounced = new ArrayList<>();

    private volatile Map<LocalDate, DayKind> days = Map.of();
    private volatile Set<Integer> officialYears = Set.of();
    private boolean ready;

    StoredCalendarDays(CalendarDayRepository repository, CalendarYearRepository years, ProvisionalDays provisional,
            OfficialDaysImport officialDays, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.repository = repository;
        this.years = years;
        this.provisional = provisional;
        this.officialDays = officialDays;
        this.events = events;
        this.tx = tx;
        this.separateReadOnly = new TransactionTemplate(tx.getTransactionManager());
        separateReadOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separateReadOnly.setReadOnly(true);
    }

    @Override
    public void afterPropertiesSet() {
        importOfficialDays();
    }

    /**
     * Imports the official days of the years the database does not have, then reads everything again.
     * The import has committed by then (in a transaction of its own, even when the engine's deployment
     * is what first asks for the calendar), so the memory holds it from the first question on. The
     * imported dates are announced now if the application is ready, else when it is.
     *
     * @return the imported dates
     */
    synchronized List<LocalDate> importOfficialDays() {
        return imported(officialDays.importMissingYears());
    }

    /** As {@link #importOfficialDays()}, from another file (a later year's announcement). */
    synchronized List<LocalDate> importOfficialDays(Resource location) {
        return imported(officialDays.importMissingYears(location));
    }

    private List<LocalDate> imported(List<OfficialDaysFile.Entry> entries) {
        // the provisional days of the imported years were in force until now: they change too
        Set<Integer> wereProvisional = entries.stream().map(e -> e.date().getYear())
                .filter(y -> !officialYears.contains(y)).collect(Collectors.toSet());
        reload();
        List<LocalDate> missing = entries.stream().filter(e -> days.get(e.date()) != e.kind())
                .map(OfficialDaysFile.Entry::date).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Working calendar: the imported days " + missing
                    + " are not readable after the import; the calendar would ignore them");
        }
        List<LocalDate> dates = entries.stream().map(OfficialDaysFile.Entry::date).toList();
        notAnnounced.addAll(dates);
        wereProvisional.forEach(y -> provisional.of(y).forEach(d -> notAnnounced.add(d.date())));
        if (ready) {
            announce();
        }
        return dates;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void ready() {
        ready = true;
        announce();
    }

    private void announce() {
        if (!notAnnounced.isEmpty()) {
            CalendarChanged changed = new CalendarChanged(notAnnounced);
            notAnnounced.clear();
            tx.executeWithoutResult(status -> events.publishEvent(changed));
        }
    }

    @Override
    public Optional<DayKind> kindOf(LocalDate day) {
        DayKind stored = days.get(day);
        if (stored != null || officialYears.contains(day.getYear())) {
            return Optional.ofNullable(stored);
        }
        return provisional.on(day).map(d -> DayKind.DAY_OFF);
    }

    @Override
    public boolean isProvisional(LocalDate day) {
        return !officialYears.contains(day.getYear());
    }

    /** Whether the official schedule of {@code year} is known. */
    boolean isOfficial(int year) {
        return officialYears.contains(year);
    }

    /** Reads every entry and the years of known schedule from the database, in a transaction of its own. */
    void reload() {
        separateReadOnly.executeWithoutResult(status -> {
            days = Map.copyOf(repository.findAll().stream()
                    .collect(Collectors.toMap(CalendarDay::getDate, CalendarDay::getKind)));
            officialYears = years.findAll().stream().map(CalendarYear::getYear).collect(Collectors.toUnmodifiableSet());
        });
    }

    /**
     * Applies a stored change to the memory now, and reloads once the current transaction is over.
     *
     * @param kind the new kind of {@code date}, empty when its entry was removed
     */
    synchronized void changed(LocalDate date, Optional<DayKind> kind) {
        Map<LocalDate, DayKind> next = new HashMap<>(days);
        kind.ifPresentOrElse(k -> next.put(date, k), () -> next.remove(date));
        days = Map.copyOf(next);
        reloadAfterTransaction();
    }

    /**
     * Applies a stored change of a whole year to the memory now, and reloads once the current transaction
     * is over: its entries replace the year's, and the year becomes official (its schedule was entered) or
     * provisional again (its schedule was withdrawn).
     */
    synchronized void yearChanged(int year, Map<LocalDate, DayKind> entries, boolean official) {
        Map<LocalDate, DayKind> next = new HashMap<>(days);
        next.keySet().removeIf(d -> d.getYear() == year);
        next.putAll(entries);
        days = Map.copyOf(next);
        Set<Integer> known = new HashSet<>(officialYears);
        if (official) {
            known.add(year);
        } else {
            known.remove(year);
        }
        officialYears = Set.copyOf(known);
        reloadAfterTransaction();
    }

    private void reloadAfterTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    reload();
                }
            });
        }
    }
}
