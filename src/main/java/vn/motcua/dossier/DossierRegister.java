package vn.motcua.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.transaction.TransactionScoped;

/**
 * The receiving unit's dossier register (Sổ theo dõi hồ sơ, Form 07): one book per unit and year, in which
 * every dossier gets the next order number when it is received. Form 01 names the book and the number.
 *
 * <p>The number is taken in the reception's own transaction, under the lock of the book's counter row
 * ({@code register_counter}): two receptions of the same unit wait for each other and never take the same
 * number, and a reception that fails (its transaction rolls back) gives its number back, so the book has
 * no gaps. It is taken when the reception is about to commit, after everything else it did (the next
 * step's task, its deadlines and panel), so that the counter row, shared by every reception of the unit,
 * is held only for the moment of the commit and not through the whole reception; the receptions of a busy
 * counter would otherwise queue behind each other's work. The counter row of a new year is created
 * beforehand in a short transaction of its own, so that two first receptions of a year do not collide on
 * creating it.
 */
@Component
class DossierRegister {

    private static final Logger log = LoggerFactory.getLogger(DossierRegister.class);

    private final JdbcTemplate jdbc;
    private final DossierRepository dossiers;
    private final WorkingCalendar calendar;
    private final TransactionTemplate newTransaction;

    DossierRegister(JdbcTemplate jdbc, DossierRepository dossiers, WorkingCalendar calendar,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Enters a dossier received at {@code at} in its unit's book of that year (in the province's zone), with the
     * next number of the book when the transaction is about to commit (at once without a transaction).
     */
    void enter(Dossier dossier, Instant at, ZoneId zone) {
        if (dossier.getRegisterNumber() != null) {
            return;
        }
        int year = at.atZone(zone).getYear();
        Entries entries = TransactionScoped.of(Entries.class, this, () -> new Entries(this, new LinkedHashMap<>()));
        if (entries == null) {
            dossier.registered(year, next(dossier.getReceivingUnit(), year));
        } else {
            entries.received().putIfAbsent(dossier.getCode(), new Entry(dossier, year));
        }
    }

    /** A dossier to number in its unit's book of {@code year}. */
    private record Entry(Dossier dossier, int year) {
    }

    /**
     * The dossiers a transaction received (by code), numbered just before it commits, ahead of the daily counts'
     * rows ({@link IndicatorCounts}), so that every transaction takes the shared rows in the same order.
     */
    private record Entries(DossierRegister owner, Map<String, Entry> received) implements TransactionScoped {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            received.values().forEach(entry -> {
                Dossier dossier = entry.dossier();
                if (dossier.getRegisterNumber() == null) {
                    dossier.registered(entry.year(), owner.next(dossier.getReceivingUnit(), entry.year()));
                }
            });
            received.clear();
        }
    }

    /** The next number of the unit's book of {@code year}, taken in the caller's transaction. */
    private int next(String unitKey, int year) {
        if (jdbc.update("update register_counter set last_value = last_value + 1 where unit_key = ? and register_year = ?",
                unitKey, year) == 0) {
            try {
                newTransaction.executeWithoutResult(status -> jdbc.update(
                        "insert into register_counter (unit_key, register_year, last_value) values (?, ?, 0)",
                        unitKey, year));
            } catch (DuplicateKeyException raced) {
                // another reception created the year's counter first
            }
            if (jdbc.update("update register_counter set last_value = last_value + 1 where unit_key = ?"
                    + " and register_year = ?", unitKey, year) == 0) {
                throw new IllegalStateException("No register counter for " + unitKey + " " + year);
            }
        }
        return jdbc.queryForObject("select last_value from register_counter where unit_key = ? and register_year = ?",
                Integer.class, unitKey, year);
    }

    /**
     * Enters the dossiers received before the register existed (a database of an earlier version), in the
     * order they were received, once at start-up; each in a transaction of its own.
     */
    @EventListener(ApplicationReadyEvent.class)
    void enterEarlierDossiers() {
        List<String> codes = newTransaction.execute(status -> dossiers.findUnregistered());
        if (codes.isEmpty()) {
            return;
        }
        log.info("Dossier register: entering {} dossiers received before it existed", codes.size());
        for (String code : codes) {
            newTransaction.executeWithoutResult(status -> dossiers.findById(code)
                    .filter(d -> d.getRegisterNumber() == null)
                    .ifPresent(d -> enter(d, d.getReceivedAt(), calendar.zone())));
        }
    }
}
