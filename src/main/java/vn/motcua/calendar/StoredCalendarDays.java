package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final OfficialDaysImport officialDays;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateReadOnly;
    private final List<LocalDate> notAnnounced = new ArrayList<>();
    private final CalendarVersion version;
    private final ClusterLock lock;
    /** Changes stored by transactions of this node that have not ended yet: a reload keeps them. */
    private final Map<LocalDate, Optional<DayKind>> uncommitted = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile Map<LocalDate, DayKind> days = Map.of();
    private boolean ready;

    StoredCalendarDays(CalendarDayRepository repository, OfficialDaysImport officialDays,
            ApplicationEventPublisher events, TransactionTemplate tx, CalendarVersion version, ClusterLock lock) {
        this.version = version;
        this.lock = lock;
        version.onMove(this::reload);
        this.repository = repository;
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
        reload();
        List<LocalDate> missing = entries.stream().filter(e -> days.get(e.date()) != e.kind())
                .map(OfficialDaysFile.Entry::date).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Working calendar: the imported days " + missing
                    + " are not readable after the import; the calendar would ignore them");
        }
        List<LocalDate> dates = entries.stream().map(OfficialDaysFile.Entry::date).toList();
        notAnnounced.addAll(dates);
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
        CalendarChanged changed = new CalendarChanged(notAnnounced);
        notAnnounced.clear();
        lock.holding(LOCK, () -> tx.executeWithoutResult(status -> version.pendingRecalculation().ifPresent(upTo -> {
            events.publishEvent(changed);
            version.recalculated(upTo);
        })));
    }

    @Override
    public Optional<DayKind> kindOf(LocalDate day) {
        return Optional.ofNullable(days.get(day));
    }

    /**
     * Reads every entry from the database, in a transaction of its own (with the changes of this node's
     * transactions still under way on top).
     */
    void reload() {
        separateReadOnly.executeWithoutResult(status -> {
            long read = version.read();
            Map<LocalDate, DayKind> stored = new HashMap<>(repository.findAll().stream()
                    .collect(Collectors.toMap(CalendarDay::getDate, CalendarDay::getKind)));
            uncommitted.forEach((date, kind) -> kind.ifPresentOrElse(k -> stored.put(date, k), () -> stored.remove(date)));
            days = Map.copyOf(stored);
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            uncommitted.put(date, kind);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    uncommitted.remove(date);
                    reload();
                }
            });
        }
    }
}
