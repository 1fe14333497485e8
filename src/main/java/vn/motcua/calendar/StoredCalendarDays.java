package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

import vn.motcua.cluster.ClusterLock;

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
 * rolled back, the memory is read again from the database. Every node holds its own memory and reads it
 * again when the shared {@link CalendarVersion} moved (a change made on another node), before its next
 * computation.
 *
 * <p>Several nodes starting at once import under the cluster lock {@value #LOCK}, one after the other: the
 * first imports a year, the others find it there. The open deadlines follow imported days once for the
 * installation: the first node ready after an import recalculates them, under the same lock.
 */
@Component
class StoredCalendarDays implements CalendarDays, InitializingBean {

    static final String LOCK = "calendar";

    private final CalendarDayRepository repository;
    private final CalendarYearRepository years;
    private final ProvisionalDays provisional;
    private final OfficialDaysImport officialDays;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateReadOnly;
    private final List<LocalDate> notAnnounced = new ArrayList<>();
    private final CalendarVersion version;
    private final ClusterLock lock;
    /** Days changed by transactions of this node that have not ended yet: a reload keeps them. */
    private final Map<LocalDate, Optional<DayKind>> uncommitted = new ConcurrentHashMap<>();
    /** Whole years changed by transactions of this node that have not ended yet: a reload keeps them. */
    private final Map<Integer, YearChange> uncommittedYears = new ConcurrentHashMap<>();

    private volatile Map<LocalDate, DayKind> days = Map.of();
    private volatile Set<Integer> officialYears = Set.of();
    private boolean ready;

    StoredCalendarDays(CalendarDayRepository repository, CalendarYearRepository years, ProvisionalDays provisional,
            OfficialDaysImport officialDays, ApplicationEventPublisher events, TransactionTemplate tx,
            CalendarVersion version, ClusterLock lock) {
        this.version = version;
        this.lock = lock;
        version.onMove(this::reload);
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
        return lock.holding(LOCK, () -> imported(officialDays.importMissingYears()));
    }

    /** As {@link #importOfficialDays()}, from another file (a later year's announcement). */
    synchronized List<LocalDate> importOfficialDays(Resource location) {
        return lock.holding(LOCK, () -> imported(officialDays.importMissingYears(location)));
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

    /**
     * Recalculates the open deadlines when the stored days moved since they were last recalculated (days imported
     * here or by a node that stopped before it was ready): once for the installation, under the cluster lock.
     */
    private void announce() {
        CalendarChanged changed = new CalendarChanged(List.copyOf(notAnnounced));
        notAnnounced.clear();
        lock.holding(LOCK, () -> tx.executeWithoutResult(status -> version.pendingRecalculation().ifPresent(upTo -> {
            events.publishEvent(changed);
            version.recalculated(upTo);
        })));
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

    /**
     * Reads every entry and the years of known schedule from the database, in a transaction of its own (with
     * the changes of this node's transactions still under way on top).
     */
    void reload() {
        separateReadOnly.executeWithoutResult(status -> {
            long read = version.read();
            Map<LocalDate, DayKind> stored = new HashMap<>(repository.findAll().stream()
                    .collect(Collectors.toMap(CalendarDay::getDate, CalendarDay::getKind)));
            Set<Integer> known = years.findAll().stream().map(CalendarYear::getYear)
                    .collect(Collectors.toCollection(HashSet::new));
            uncommittedYears.forEach((year, change) -> change.applyTo(year, stored, known));
            uncommitted.forEach((date, kind) -> kind.ifPresentOrElse(k -> stored.put(date, k), () -> stored.remove(date)));
            days = Map.copyOf(stored);
            officialYears = Set.copyOf(known);
            version.loaded(read);
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
        version.changed(true);
        reloadAfterTransaction(() -> uncommitted.put(date, kind), () -> uncommitted.remove(date));
    }

    /**
     * Applies a stored change of a whole year to the memory now, and reloads once the current transaction
     * is over: its entries replace the year's, and the year becomes official (its schedule was entered) or
     * provisional again (its schedule was withdrawn).
     */
    synchronized void yearChanged(int year, Map<LocalDate, DayKind> entries, boolean official) {
        YearChange change = new YearChange(Map.copyOf(entries), official);
        Map<LocalDate, DayKind> next = new HashMap<>(days);
        Set<Integer> known = new HashSet<>(officialYears);
        change.applyTo(year, next, known);
        days = Map.copyOf(next);
        officialYears = Set.copyOf(known);
        version.changed(true);
        reloadAfterTransaction(() -> uncommittedYears.put(year, change), () -> uncommittedYears.remove(year));
    }

    /**
     * Within a transaction: keeps the change over reloads until the transaction ends ({@code hold}), then forgets
     * it ({@code release}) and reads the database again.
     */
    private void reloadAfterTransaction(Runnable hold, Runnable release) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            hold.run();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    release.run();
                    reload();
                }
            });
        }
    }

    /** A whole year's entries replaced, the year made official or provisional again. */
    private record YearChange(Map<LocalDate, DayKind> entries, boolean official) {

        void applyTo(int year, Map<LocalDate, DayKind> days, Set<Integer> officialYears) {
            days.keySet().removeIf(d -> d.getYear() == year);
            days.putAll(entries);
            if (official) {
                officialYears.add(year);
            } else {
                officialYears.remove(year);
            }
        }
    }
}
