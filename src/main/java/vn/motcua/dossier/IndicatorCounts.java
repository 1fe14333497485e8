package vn.motcua.dossier;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.cluster.ClusterLock;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.transaction.TransactionScoped;

/**
 * The indicators' daily counts (table {@code indicator_count}): per receiving unit, procedure and day of reception
 * (or of refusal, Form 03), how many dossiers stand in each state ({@link IndicatorKey}) now, with their handling
 * minutes. {@link Dossiers} moves a dossier from one row to another in the same transaction as the change that moves
 * it, and stamps the dossier's {@code changed_at} and {@code count_month} (the month its row counts in).
 *
 * <p><b>Reading a period as of an instant A</b> gives what {@link DossierStatistics#perReceivingUnit} gives (the test
 * {@code IndicatorCountsTest} compares them), without reading every dossier of the period:
 * <ul>
 * <li>a dossier that has not changed since the start of A's day (S) stood at A as it stands now: its row tells it,
 * the state of a running dossier judged by the hour of its due against A and the end of "due soon";</li>
 * <li>the dossiers that changed since S, and the running ones whose due falls in the hour of A or of the end of "due
 * soon" (where the hour is not enough to judge), are read from the dossier table: their rows are taken out and their
 * figures as of A put in, worked out from the columns read ({@link DossierStatistics#judged}) or, for a dossier whose
 * clock stopped or started after A, by the database from its pauses ({@link DossierStatistics} restricted to them).</li>
 * </ul>
 * For the current period (A = now) these are the day's changes; for a past period, the dossiers of the period that
 * changed after it ended, found month by month through the index {@code (count_month, changed_at)}.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorCounts {

    private static final Logger log = LoggerFactory.getLogger(IndicatorCounts.class);
    private static final String KEY_COLUMNS = "unit_key = ? and procedure_code = ? and count_day = ? and kind = ? and online = ?"
            + " and state = ? and with_result = ? and due_hour = ? and reappointed = ? and digitised = ? and e_result = ?"
            + " and timed = ?";

    /** How many dossier codes one {@code in (...)} look-up takes. */
    private static final int CODES_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final DossierStatistics statistics;
    private final WorkingCalendar calendar;
    private final TransactionTemplate newTransaction;
    private final ClusterLock lock;

    IndicatorCounts(JdbcTemplate jdbc, EntityManager em, DossierStatistics statistics, WorkingCalendar calendar,
            PlatformTransactionManager transactions, ClusterLock lock) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.em = em;
        this.statistics = statistics;
        this.calendar = calendar;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ------------------------------------------------------------------------------------------ keeping them

    /** What a dossier counts as before a change: pass it to {@link #moved} after the change. */
    Snapshot before(Dossier dossier) {
        IndicatorKey.Facts facts = IndicatorKey.Facts.of(dossier);
        IndicatorKey key = IndicatorKey.of(facts, calendar.zone());
        return new Snapshot(key, facts.minutes(key));
    }

    record Snapshot(IndicatorKey key, long minutes) {
    }

    /**
     * Moves the dossier from its row before the change to its row now, in the caller's transaction, and stamps it
     * changed; nothing when its row is the same.
     */
    @Transactional
    void moved(Snapshot before, Dossier dossier) {
        IndicatorKey.Facts facts = IndicatorKey.Facts.of(dossier);
        IndicatorKey after = IndicatorKey.of(facts, calendar.zone());
        long minutes = facts.minutes(after);
        if (Objects.equals(before.key(), after) && before.minutes() == minutes) {
            return;
        }
        // the rows move when the transaction commits, all its moves at once, in one order (see Moves)
        Moves moves = moves();
        if (before.key() != null) {
            moves.add(rowId(before.key()), -1L, -before.minutes());
        }
        if (after != null) {
            moves.add(rowId(after), 1L, minutes);
        }
        dossier.changed(calendar.now(), after == null ? null : month(after.day()));
    }

    /** The moves of the current transaction, registered with it on the first. */
    private Moves moves() {
        Moves moves = TransactionScoped.of(Moves.class, this, () -> new Moves(this, new TreeMap<>()));
        if (moves == null) {
            throw new IllegalStateException("Dossier changes move their daily counts inside a transaction");
        }
        return moves;
    }

    /**
     * A transaction's moves between daily count rows (dossiers and handling minutes per row id), kept until it is
     * about to commit, then written together: the moves of one row added up (a dossier moved there and away again
     * writes nothing), each row by its id (an update by the key's columns may scan the table, the planner's choice
     * while it is small, and lock every row it passes), in the order of the ids, after everything else the
     * transaction wrote. The rows are shared by every dossier of a unit, procedure and day, so each transaction holds
     * them only for the moment before its commit, and two transactions never wait on each other's rows the other way
     * round (which, row by row as the changes came, deadlocked concurrent approvals on MariaDB).
     */
    private record Moves(IndicatorCounts owner, TreeMap<Long, long[]> rows) implements TransactionScoped {

        void add(long id, long dossiers, long minutes) {
            rows.merge(id, new long[] {dossiers, minutes}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            rows.forEach((id, change) -> {
                if ((change[0] != 0 || change[1] != 0) && owner.jdbc.update("update indicator_count set dossiers ="
                        + " dossiers + ?, handling_minutes = handling_minutes + ? where id = ?", change[0], change[1],
                        id) == 0) {
                    // taken away by a rebuild meanwhile: the change fails rather than go uncounted
                    throw new IllegalStateException("No indicator count row " + id);
                }
            });
            rows.clear();
        }
    }

    /** The id of the key's row, created (with zero dossiers, in a transaction of its own) if missing. */
    private long rowId(IndicatorKey key) {
        Object[] keyValues = values(key);
        String select = "select id from indicator_count where " + KEY_COLUMNS;
        List<Long> ids = jdbc.queryForList(select, Long.class, keyValues);
        if (ids.isEmpty()) {
            try {
                newTransaction.executeWithoutResult(status -> jdbc.update("insert into indicator_count (unit_key,"
                        + " procedure_code, count_day, kind, online, state, with_result, due_hour, reappointed,"
                        + " digitised, e_result, timed, dossiers, handling_minutes)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)", keyValues));
            } catch (DuplicateKeyException raced) {
                // another transaction created the row first
            }
            ids = jdbc.queryForList(select, Long.class, keyValues);
            if (ids.isEmpty()) {
                throw new IllegalStateException("No indicator count row for " + key);
            }
        }
        return ids.get(0);
    }

    /** The {@code count_month} of a day: year * 100 + month. */
    static int month(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }

    private static Object[] values(IndicatorKey k) {
        return new Object[] {k.unit(), k.procedure(), Date.valueOf(k.day()), k.kind(), k.online(), k.state(),
                k.withResult(), k.dueHour().getEpochSecond(), k.reappointed(), k.digitised(), k.electronicResult(),
                k.timed()};
    }

    /**
     * Builds the counts again from the dossier table (after a migration that asks for it, or after dossiers were loaded
     * around the application), after stamping each dossier's {@code changed_at} with its latest change and its
     * {@code count_month} where missing, in bounded transactions ({@link #stamp(int)}). One node
     * at a time (the cluster lock {@value #LOCK}): another node starting meanwhile waits, then finds them built.
     *
     * @return how many dossiers were counted
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public long rebuild() {
        return lock.holding(LOCK, () -> {
            stamp(STAMPS_PER_TRANSACTION);
            return newTransaction.execute(status -> build());
        });
    }

    /** The cluster lock the build holds. */
    static final String LOCK = "indicator-counts";
    /** How many dossiers one transaction of the first build's {@code changed_at} stamping changes at most. */
    static final int STAMPS_PER_TRANSACTION = 10_000;

    /**
     * Stamps {@code changed_at} (the latest of the dossier's recorded changes) and {@code count_month} where missing,
     * in bounded transactions: {@code changed_at} by ranges of {@code perTransaction} dossier codes, {@code count_month}
     * by ranges of days of reception (or of refusal) of a week at most. Each statement only fills what is missing, so a
     * stamping cut short goes on where it stopped.
     *
     * @return how many dossiers were stamped (a dossier stamped twice, changed_at and month, counts twice)
     */
    long stamp(int perTransaction) {
        long stamped = 0;
        String last = "";
        while (true) {
            String from = last;
            String to = boundary(from, perTransaction);
            if (to == null) {
                break;
            }
            stamped += newTransaction.execute(status -> jdbc.update("update dossier set changed_at = greatest("
                    + "coalesce(received_at, filed_at), coalesce(finished_at, filed_at), coalesce(digitised_at, filed_at),"
                    + " coalesce(reappointed_at, filed_at), coalesce(e_result_at, filed_at),"
                    + " coalesce(pause_changed_at, filed_at)) where code > ? and code <= ? and changed_at is null",
                    from, to));
            last = to;
        }
        // through JPA, which converts instants as it stores them
        String received = "d.receivedAt >= :from and d.receivedAt < :until";
        String refused = "d.receivedAt is null and d.status = vn.motcua.dossier.DossierStatus.REFUSED"
                + " and d.finishedAt >= :from and d.finishedAt < :until";
        Object[] receivedRange = em.createQuery("select min(d.receivedAt), max(d.receivedAt) from Dossier d"
                + " where d.countMonth is null", Object[].class).getSingleResult();
        Object[] refusedRange = em.createQuery("select min(d.finishedAt), max(d.finishedAt) from Dossier d"
                + " where d.countMonth is null and d.receivedAt is null"
                + " and d.status = vn.motcua.dossier.DossierStatus.REFUSED", Object[].class).getSingleResult();
        stamped += stampMonths(received, (Instant) receivedRange[0], (Instant) receivedRange[1]);
        stamped += stampMonths(refused, (Instant) refusedRange[0], (Instant) refusedRange[1]);
        return stamped;
    }

    /** The code {@code count} dossiers after {@code from}, or the last one; null after the last. */
    private String boundary(String from, int count) {
        List<String> next = jdbc.queryForList("select code from dossier where code > ? order by code limit 1 offset "
                + (count - 1), String.class, from);
        if (!next.isEmpty()) {
            return next.get(0);
        }
        return jdbc.queryForObject("select max(code) from dossier where code > ?", String.class, from);
    }

    /**
     * Stamps the count_month of the dossiers whose counting instant (the JPQL condition's {@code :from} and
     * {@code :until}) falls on the days from that of {@code first} to that of {@code last}, a week at most (within one
     * month) per transaction.
     */
    private long stampMonths(String condition, Instant first, Instant last) {
        if (first == null) {
            return 0;
        }
        ZoneId zone = calendar.zone();
        LocalDate day = first.atZone(zone).toLocalDate();
        LocalDate end = last.atZone(zone).toLocalDate();
        long stamped = 0;
        while (!day.isAfter(end)) {
            LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
            LocalDate until = day.plusDays(7).isAfter(nextMonth) ? nextMonth : day.plusDays(7);
            Instant a = day.atStartOfDay(zone).toInstant();
            Instant b = until.atStartOfDay(zone).toInstant();
            int month = month(day);
            // coalesce: the range of the condition's index, not the dossiers without a month, bounds the statement
            stamped += newTransaction.execute(status -> em.createQuery("update Dossier d set d.countMonth = :month"
                    + " where coalesce(d.countMonth, 0) = 0 and " + condition).setParameter("month", month)
                    .setParameter("from", a).setParameter("until", b).executeUpdate());
            day = until;
        }
        return stamped;
    }

    /** Builds the counts from the dossier table, in one transaction. */
    private long build() {
        // one node at a time here too, should a node without the cluster lock build them
        jdbc.queryForObject("select built from indicator_count_state where id = 1 for update", Boolean.class);
        jdbc.update("delete from indicator_count");
        Map<IndicatorKey, long[]> rows = new HashMap<>();
        ZoneId zone = calendar.zone();
        long[] counted = {0};
        em.createQuery("select " + IndicatorKey.Facts.SELECT + " from Dossier d where d.receivedAt is not null"
                + " or (d.status = vn.motcua.dossier.DossierStatus.REFUSED and d.finishedAt is not null)", Object[].class)
                .getResultStream().forEach(row -> {
                    IndicatorKey.Facts facts = IndicatorKey.Facts.of(row);
                    IndicatorKey key = IndicatorKey.of(facts, zone);
                    if (key != null) {
                        long[] sums = rows.computeIfAbsent(key, k -> new long[2]);
                        sums[0]++;
                        sums[1] += facts.minutes(key);
                        counted[0]++;
                    }
                });
        List<Object[]> batch = new ArrayList<>();
        for (Map.Entry<IndicatorKey, long[]> row : rows.entrySet()) {
            Object[] keyValues = values(row.getKey());
            Object[] insert = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
            insert[keyValues.length] = row.getValue()[0];
            insert[keyValues.length + 1] = row.getValue()[1];
            batch.add(insert);
        }
        jdbc.batchUpdate("insert into indicator_count (unit_key, procedure_code, count_day, kind, online, state, with_result,"
                + " due_hour, reappointed, digitised, e_result, timed, dossiers, handling_minutes)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        jdbc.update("update indicator_count_state set built = true where id = 1");
        em.clear();
        log.info("Indicator counts built from {} dossiers into {} rows", counted[0], rows.size());
        return counted[0];
    }

    /**
     * At start-up, builds the counts when they do not hold every dossier yet (after the migration that created them).
     * Dossiers that change while they are being built are counted again at the next build only: build them before
     * the first traffic, as the start-up does.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void buildWhenMissing() {
        if (!built()) {
            lock.holding(LOCK, () -> {
                // another node may have built them while this one waited for the lock
                if (!built()) {
                    rebuild();
                }
            });
        }
    }

    /** Whether the counts hold every dossier (else {@link #rebuild()} is due). */
    public boolean built() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select built from indicator_count_state where id = 1",
                Boolean.class));
    }

    // ------------------------------------------------------------------------------------------ reading them

    /**
     * The counts of the dossiers received (or refused) on the days from {@code from} to {@code to} (inclusive, in the
     * province's zone) per month of reception and receiving unit, looked at as of {@code asOf}: the same figures as
     * {@link DossierStatistics#perReceivingUnit} of each month's window, {@code dissatisfied} left 0.
     *
     * @param units     receiving units, or null for every unit
     * @param procedure a procedure code, or null for all
     * @param dueSoonBy a dossier in progress due at or before this instant (and not before asOf) is due soon
     * @param electronicByNature procedures whose result is electronic by nature (3.3)
     * @return per month (every month of the period, in order), the counts per unit that has any
     */
    public Map<YearMonth, Map<String, Counts>> perReceivingUnit(Set<String> units, String procedure, LocalDate from,
            LocalDate to, Instant asOf, Instant dueSoonBy, Set<String> electronicByNature) {
        ZoneId zone = calendar.zone();
        Instant dayStart = asOf.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Set<Instant> unsure = Set.of(asOf.truncatedTo(ChronoUnit.HOURS), dueSoonBy.truncatedTo(ChronoUnit.HOURS));
        Judge judge = new Judge(asOf, dueSoonBy, unsure, electronicByNature);
        Map<YearMonth, Map<String, Tally>> tallies = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            tallies.put(month, new TreeMap<>());
        }

        // 1. the rows of the period, as they stand now
        List<Object> parameters = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        StringBuilder where = new StringBuilder(" where count_day >= ? and count_day <= ?");
        if (units != null) {
            Set<String> list = units.isEmpty() ? Set.of("") : units;
            where.append(" and unit_key in (").append(String.join(", ", list.stream().map(u -> "?").toList()))
                    .append(')');
            parameters.addAll(list);
        }
        if (procedure != null) {
            where.append(" and procedure_code = ?");
            parameters.add(procedure);
        }
        // each row added as it is (the tallies add up): no grouping by the database
        jdbc.query("select unit_key, procedure_code, count_day, kind, online, state, with_result, due_hour,"
                + " reappointed, digitised, e_result, timed, dossiers, handling_minutes from indicator_count" + where,
                rs -> {
                    long n = rs.getLong(13);
                    if (n == 0) {
                        return;
                    }
                    LocalDate day = rs.getDate(3).toLocalDate();
                    IndicatorKey key = new IndicatorKey(rs.getString(1), rs.getString(2), day.withDayOfMonth(1),
                            rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getBoolean(7),
                            Instant.ofEpochSecond(rs.getLong(8)), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11),
                            rs.getBoolean(12));
                    tally(tallies, key).add(judge, key, n, rs.getLong(14));
                }, parameters.toArray());
        // 2. the dossiers the rows cannot judge as of asOf: out with their rows, in with their figures then
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Selection> selections = new ArrayList<>();
        // changed since the start of asOf's day: per month of the period, one seek of ix_dossier_month_changed
        for (YearMonth month : tallies.keySet()) {
            selections.add(new Selection("d.countMonth = :month and d.changedAt >= :dayStart",
                    Map.of("month", month(month.atDay(1)), "dayStart", dayStart)));
        }
        // running as they stood at the start of the day, due in an hour the rows cannot judge (ix_dossier_open_due)
        for (Instant hour : new java.util.TreeSet<>(unsure)) {
            selections.add(new Selection("d.finishedAt is null and d.dueAt >= :hour and d.dueAt < :hourEnd"
                    + " and (d.changedAt is null or d.changedAt < :dayStart) and d.pausedAt is null"
                    + " and d.receivedAt >= :from and d.receivedAt < :until", Map.of("hour", hour, "hourEnd",
                            hour.plus(1, ChronoUnit.HOURS), "dayStart", dayStart, "from", start, "until", end)));
        }
        Map<YearMonth, DossierStatistics.Window> windows = new HashMap<>();
        // those whose figures then only the database can tell (their pauses), by the month their row counts in
        Map<YearMonth, List<String>> codes = new TreeMap<>();
        for (Selection selection : selections) {
            var query = em.createQuery("select d.code, " + IndicatorKey.Facts.SELECT + ", d.pauseChangedAt"
                    + " from Dossier d where " + selection.where(), Object[].class);
            selection.parameters().forEach(query::setParameter);
            query.getResultStream().forEach(row -> {
                IndicatorKey.Facts facts = IndicatorKey.Facts.of(java.util.Arrays.copyOfRange(row, 1, row.length - 1));
                IndicatorKey key = IndicatorKey.of(facts, zone);
                if (key == null || key.day().isBefore(from) || key.day().isAfter(to)
                        || (units != null && !units.contains(key.unit()))
                        || (procedure != null && !procedure.equals(key.procedure()))) {
                    return;
                }
                YearMonth month = YearMonth.from(key.day());
                tally(tallies, key).add(judge, key, -1, -facts.minutes(key));
                DossierStatistics.Window window = windows.computeIfAbsent(month, m -> window(m, units, procedure,
                        from, to, asOf, dueSoonBy, electronicByNature));
                Counts then = DossierStatistics.judged(facts, (Instant) row[row.length - 1], window);
                if (then == null) {
                    codes.computeIfAbsent(month, m -> new ArrayList<>()).add((String) row[0]);
                } else {
                    tallies.get(month).computeIfAbsent(key.unit(), u -> new Tally()).plus(then);
                }
            });
        }
        codes.forEach((month, inMonth) -> {
            DossierStatistics.Window window = windows.get(month);
            for (int i = 0; i < inMonth.size(); i += CODES_PER_QUERY) {
                List<String> chunk = inMonth.subList(i, Math.min(inMonth.size(), i + CODES_PER_QUERY));
                statistics.perReceivingUnit(window, "d.code in :codes", Map.of("codes", chunk)).forEach(
                        (unit, counts) -> tallies.get(month).computeIfAbsent(unit, u -> new Tally()).plus(counts));
            }
        });
        Map<YearMonth, Map<String, Counts>> result = new LinkedHashMap<>();
        tallies.forEach((month, perUnit) -> {
            Map<String, Counts> counts = new TreeMap<>();
            perUnit.forEach((unit, tally) -> counts.put(unit, tally.counts()));
            result.put(month, counts);
        });
        return result;
    }

    /** The direct aggregation's window of a month of the period. */
    private DossierStatistics.Window window(YearMonth month, Set<String> units, String procedure, LocalDate from,
            LocalDate to, Instant asOf, Instant dueSoonBy, Set<String> electronicByNature) {
        ZoneId zone = calendar.zone();
        LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
        LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
        return new DossierStatistics.Window(units, procedure, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), asOf, dueSoonBy, electronicByNature);
    }

    /** A JPQL condition on dossier alias {@code d} and its parameters. */
    private record Selection(String where, Map<String, Object> parameters) {
    }

    private static Tally tally(Map<YearMonth, Map<String, Tally>> tallies, IndicatorKey key) {
        Map<String, Tally> month = tallies.get(YearMonth.from(key.day()));
        if (month == null) {
            throw new IllegalStateException("Counted outside the period: " + key);
        }
        return month.computeIfAbsent(key.unit(), u -> new Tally());
    }

    /** How a row's state reads as of asOf. */
    private record Judge(Instant asOf, Instant dueSoonBy, Set<Instant> unsure, Set<String> electronicByNature) {
    }

    /** Counts being added up: a row (or a dossier) at a time, or the figures of the dossiers read one by one. */
    private static final class Tally {

        final long[] c = new long[18];

        void add(Judge judge, IndicatorKey key, long n, long minutes) {
            if (key.kind().equals(IndicatorKey.REFUSED)) {
                c[9] += n;
                return;
            }
            c[0] += n;
            if (key.online()) {
                c[1] += n;
            }
            switch (key.state()) {
                case "EARLY" -> c[2] += n;
                case "ON_TIME" -> c[3] += n;
                case "LATE" -> c[4] += n;
                case IndicatorKey.PAUSED_NOT_DUE -> {
                    c[5] += n;
                    c[8] += n;
                }
                case IndicatorKey.PAUSED_OVERDUE -> {
                    c[7] += n;
                    c[8] += n;
                }
                case IndicatorKey.RUNNING -> {
                    Instant hour = key.dueHour();
                    if (!judge.unsure().contains(hour)) {
                        if (!hour.plus(1, ChronoUnit.HOURS).isAfter(judge.asOf())) {
                            c[7] += n;
                        } else if (hour.isAfter(judge.dueSoonBy())) {
                            c[5] += n;
                        } else {
                            c[6] += n;
                        }
                    }
                }
                default -> {
                    // finished without a due, or without a due at all: received only
                }
            }
            if (key.reappointed()) {
                c[10] += n;
            }
            if (key.digitised()) {
                c[11] += n;
            }
            boolean finished = !key.state().equals(IndicatorKey.RUNNING) && !key.state().startsWith("PAUSED")
                    && !key.state().equals(IndicatorKey.NO_DUE);
            if (finished && key.withResult()) {
                c[12] += n;
                if (key.electronicResult()) {
                    c[13] += n;
                }
            }
            if (key.online() && (key.electronicResult() || judge.electronicByNature().contains(key.procedure()))) {
                c[14] += n;
            }
            if (key.timed()) {
                c[15] += minutes;
                c[16] += n;
            }
        }

        void plus(Counts o) {
            long[] add = {o.received(), o.receivedOnline(), o.finishedEarly(), o.finishedOnTime(), o.finishedLate(),
                o.inProgressNotDue(), o.inProgressDueSoon(), o.inProgressOverdue(), o.paused(), o.refused(),
                o.reappointed(), o.digitised(), o.withResult(), o.electronicResults(), o.onlineCounted(),
                o.handlingMinutes(), o.timed(), o.dissatisfied()};
            for (int i = 0; i < c.length; i++) {
                c[i] += add[i];
            }
        }

        Counts counts() {
            return new Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13],
                    c[14], c[15], c[16], c[17]);
        }
    }
}
