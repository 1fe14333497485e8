package vn.motcua.calendar;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working calendar's version, shared by every node through the database (table {@code calendar_version},
 * one row): every change of the stored days moves it in the transaction that stores them, and each node checks it
 * before it computes working time ({@link WorkingCalendar} asks {@link #check()}: one primary-key read per
 * computation, once per transaction), reloading what it holds in memory when it moved. So a day off an
 * administrator adds on one node counts on every node from the next deadline computed there.
 *
 * <p>Whatever keeps calendar days in memory registers its reload with {@link #onMove(Runnable)}; whatever writes
 * stored days calls {@link #changed(boolean)} in the same transaction.
 *
 * <p>Open deadlines are recalculated once for the whole installation, not by every node: a change made through the
 * API is recalculated in its own transaction ({@code changed(true)}); days imported at start-up are recalculated
 * once the importing node is ready, and the row's {@code recalculated} column remembers up to which version that
 * was done, so that a node that died in between leaves the work to the next node that starts
 * ({@link #pendingRecalculation()}).
 */
@Component
class CalendarVersion {

    private final JdbcTemplate jdbc;
    private final List<Runnable> reloads = new CopyOnWriteArrayList<>();
    private volatile long known = -1;

    CalendarVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers what must be read again when another node moved the version. */
    void onMove(Runnable reload) {
        reloads.add(reload);
    }

    /** The version committed now (in the caller's transaction, if any). */
    long read() {
        Long version = jdbc.queryForObject("select version from calendar_version where id = 1", Long.class);
        return version == null ? 0 : version;
    }

    /** What was read into memory corresponds to {@code version} (or a later one). */
    synchronized void loaded(long version) {
        known = Math.max(known, version);
    }

    /**
     * Before a computation: reloads whatever holds days in memory when the version moved since it was read. Once
     * per transaction (a computation inside one sees the days as of its first question).
     */
    void check() {
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction && TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        long version = read();
        if (version != known) {
            synchronized (this) {
                if (version != known) {
                    reloads.forEach(Runnable::run);
                    known = Math.max(known, version);
                }
            }
        }
        checkedInThisTransaction();
    }

    /** No more checks in the current transaction (if there is one). */
    private void checkedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        Object key = this;
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    /**
     * The stored days changed, in the caller's transaction.
     *
     * @param recalculated whether the open deadlines are recalculated in the same transaction
     */
    void changed(boolean recalculated) {
        // the transaction computes with its own change, which the memory holds already: the version it now reads
        // (its own, not committed) must not make it read the committed days again
        checkedInThisTransaction();
        // recalculated first: MariaDB assigns left to right with the new values, H2 with the old ones
        jdbc.update(recalculated
                ? "update calendar_version set recalculated = version + 1, version = version + 1 where id = 1"
                : "update calendar_version set version = version + 1 where id = 1");
    }

    /** The version whose changes the open deadlines do not follow yet, if any. */
    OptionalLong pendingRecalculation() {
        return jdbc.query("select version, recalculated from calendar_version where id = 1", rs -> {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            long version = rs.getLong(1);
            return rs.getLong(2) < version ? OptionalLong.of(version) : OptionalLong.empty();
        });
    }

    /** The open deadlines follow the calendar up to {@code version}. */
    void recalculated(long version) {
        jdbc.update("update calendar_version set recalculated = ? where id = 1 and recalculated < ?", version, version);
    }
}
