package vn.motcua.dossier;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of dossiers for the indicators supervisors report (Decision 766): SQL aggregates over the
 * dossier table, one row per receiving unit, never the dossiers themselves. The queries use the
 * indexes of V6 and V8 ({@code (receiving_unit, received_at)}, {@code (received_at)},
 * {@code (status, finished_at)}, {@code (finished_at, due_at)}).
 *
 * <p>A dossier belongs to a window by its reception: the counts are those of the dossiers received
 * in {@code [from, until)} (at or before {@code asOf}), looked at as they stood at {@code asOf}:
 * <ul>
 * <li><b>finished</b> (done, stopped, withdrawn; {@link Dossier#getFinishedAt()} at or before asOf)
 * by the verdict fixed when it finished: early, on time, late (re-appointed or asked for a
 * supplement more than once is late);</li>
 * <li><b>in progress</b> at asOf (not finished by then), each in exactly one of: <i>overdue</i>
 * (its statutory due is before asOf), <i>due soon</i> (due at asOf or within {@code dueSoonBy}),
 * <i>not due</i> (later). A dossier whose clock is paused for a supplement is judged as its clock
 * stood when it stopped: overdue when its due had passed by then, otherwise not due (its due moves
 * when the citizen brings the papers); it also counts as <i>paused</i>;</li>
 * <li><b>reappointed</b>: re-appointed at least once (Form 04).</li>
 * </ul>
 * <b>Refused</b> dossiers (Form 03, status 3) were never received; they count in the window of the
 * day the counter refused them ({@code finished_at}), apart from the received ones.
 *
 * <p>A past asOf sees the dossier as it stood then: finished only if it finished by then, re-appointed, digitised
 * or with an electronic result only if that happened by then, and its clock as its pauses ({@link DossierPause},
 * recorded since V40) had left it: paused then, and with the due it had then. Only a calendar change since
 * (rescheduled dues) counts as it is now.
 */
@Service
@Transactional(readOnly = true)
public class DossierStatistics {

    /**
     * Which dossiers count, and when they are looked at.
     *
     * @param units      receiving units, or null for every unit
     * @param procedure  a procedure code, or null for all
     * @param from       the first instant of the window
     * @param until      the end of the window, excluded
     * @param asOf       when the dossiers are looked at (finished or in progress)
     * @param dueSoonBy  a dossier in progress due at or before this instant (and not before asOf) is due soon
     * @param electronicByNature the procedures whose result is electronic by nature (no paper to return): their
     *                   online dossiers count as online (3.3) without an electronic result attached
     */
    public record Window(Set<String> units, String procedure, Instant from, Instant until, Instant asOf,
            Instant dueSoonBy, Set<String> electronicByNature) {

        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(dueSoonBy, "dueSoonBy");
            electronicByNature = electronicByNature == null ? Set.of() : Set.copyOf(electronicByNature);
        }

        public Window(Set<String> units, String procedure, Instant from, Instant until, Instant asOf,
                Instant dueSoonBy) {
            this(units, procedure, from, until, asOf, dueSoonBy, Set.of());
        }
    }

    /**
     * The counts of one group of dossiers. {@code received} = finished (early + on time + late) +
     * in progress (not due + due soon + overdue); {@code paused} is part of the in-progress ones;
     * {@code refused} is apart. The Decision 766 counts, each as of asOf: {@code digitised} (4.2: received online,
     * or at the counter with scans of its papers attached), {@code withResult} (finished with a result: done or
     * returned, not stopped or withdrawn), {@code electronicResults} (4.1: of those, with an electronic result),
     * {@code onlineCounted} (3.3: received online, and with an electronic result unless its procedure's result is
     * electronic by nature), {@code handlingMinutes} over {@code timed} (2.2: working minutes from reception to
     * result, less the clock's stops, of the dossiers with a result whose time is known), and {@code dissatisfied}
     * (5.4: with a complaint or a dissatisfied overall rating; counted by the survey module and added).
     */
    public record Counts(long received, long receivedOnline, long finishedEarly, long finishedOnTime,
            long finishedLate, long inProgressNotDue, long inProgressDueSoon, long inProgressOverdue, long paused,
            long refused, long reappointed, long digitised, long withResult, long electronicResults,
            long onlineCounted, long handlingMinutes, long timed, long dissatisfied) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public long receivedCounter() {
            return received - receivedOnline;
        }

        public long finished() {
            return finishedEarly + finishedOnTime + finishedLate;
        }

        public long inProgress() {
            return inProgressNotDue + inProgressDueSoon + inProgressOverdue;
        }

        public Counts plus(Counts o) {
            return new Counts(received + o.received, receivedOnline + o.receivedOnline,
                    finishedEarly + o.finishedEarly, finishedOnTime + o.finishedOnTime, finishedLate + o.finishedLate,
                    inProgressNotDue + o.inProgressNotDue, inProgressDueSoon + o.inProgressDueSoon,
                    inProgressOverdue + o.inProgressOverdue, paused + o.paused, refused + o.refused,
                    reappointed + o.reappointed, digitised + o.digitised, withResult + o.withResult,
                    electronicResults + o.electronicResults, onlineCounted + o.onlineCounted,
                    handlingMinutes + o.handlingMinutes, timed + o.timed, dissatisfied + o.dissatisfied);
        }

        Counts withRefused(long n) {
            return new Counts(received, receivedOnline, finishedEarly, finishedOnTime, finishedLate, inProgressNotDue,
                    inProgressDueSoon, inProgressOverdue, paused, n, reappointed, digitised, withResult,
                    electronicResults, onlineCounted, handlingMinutes, timed, dissatisfied);
        }

        /** The same with the dissatisfied count of the survey module. */
        public Counts withDissatisfied(long n) {
            return new Counts(received, receivedOnline, finishedEarly, finishedOnTime, finishedLate, inProgressNotDue,
                    inProgressDueSoon, inProgressOverdue, paused, refused, reappointed, digitised, withResult,
                    electronicResults, onlineCounted, handlingMinutes, timed, n);
        }
    }

    private static final String FINISHED = "d.finishedAt <= :asOf";
    private static final String IN_PROGRESS = "(d.finishedAt is null or d.finishedAt > :asOf)";
    /**
     * The dossier's clock has not stopped or started since asOf: its current pause and due are those it had then.
     * Otherwise its pauses ({@link DossierPause}) tell how it stood.
     */
    private static final String AS_NOW = "(d.pauseChangedAt is null or d.pauseChangedAt <= :asOf)";
    private static final String THEN = "(d.pauseChangedAt > :asOf)";
    private static final String STOOD = "p.dossierCode = d.code and p.pausedAt <= :asOf"
            + " and (p.resumedAt is null or p.resumedAt > :asOf)";
    /** Paused at asOf, its due then at or after the moment its clock stopped (or before it: overdue then). */
    private static final String PAUSED_NOT_DUE = "((" + AS_NOW + " and d.pausedAt is not null and d.dueAt >= d.pausedAt)"
            + " or (" + THEN + " and exists (select p.id from DossierPause p where " + STOOD
            + " and p.dueBefore >= p.pausedAt)))";
    private static final String PAUSED_OVERDUE = "((" + AS_NOW + " and d.pausedAt is not null and d.dueAt < d.pausedAt)"
            + " or (" + THEN + " and exists (select p.id from DossierPause p where " + STOOD
            + " and p.dueBefore < p.pausedAt)))";
    private static final String PAUSED = "((" + AS_NOW + " and d.pausedAt is not null) or (" + THEN
            + " and exists (select p.id from DossierPause p where " + STOOD + ")))";
    private static final String VERDICT = "vn.motcua.dossier.Verdict.";
    private static final String WITH_RESULT = FINISHED + " and d.status in (vn.motcua.dossier.DossierStatus.DONE,"
            + " vn.motcua.dossier.DossierStatus.RETURNED)";
    private static final String E_RESULT = "d.electronicResultAt is not null and d.electronicResultAt <= :asOf";

    /** Running at asOf, with its due then compared with {@code op bound}. */
    private static String running(String op, String bound) {
        return "((" + AS_NOW + " and d.pausedAt is null and d.dueAt " + op + " " + bound + ") or (" + THEN
                + " and not exists (select p.id from DossierPause p where " + STOOD + ")"
                + " and coalesce((select min(q.dueBefore) from DossierPause q where q.dossierCode = d.code"
                + " and q.pausedAt > :asOf), d.dueAt) " + op + " " + bound + "))";
    }

    /**
     * The columns of {@link Counts} (all but {@code refused} and {@code dissatisfied}) over the dossiers of alias
     * {@code d}, with the parameters {@code :asOf}, {@code :dueSoonBy} and {@code :electronicByNature} (see
     * {@link #parameters}); read a row with {@link #counts(Object[], int)}. Other modules count the same way over
     * dossiers they attribute to units of their own (the handling units).
     */
    public static final String RECEIVED_COUNTS = "count(d)"
            + sum("d.channel = vn.motcua.dossier.Channel.ONLINE")
            + sum(FINISHED + " and d.verdict = " + VERDICT + "EARLY")
            + sum(FINISHED + " and d.verdict = " + VERDICT + "ON_TIME")
            + sum(FINISHED + " and d.verdict = " + VERDICT + "LATE")
            + sum(IN_PROGRESS + " and (" + PAUSED_NOT_DUE + " or " + running(">", ":dueSoonBy") + ")")
            + sum(IN_PROGRESS + " and " + running(">=", ":asOf") + " and " + running("<=", ":dueSoonBy"))
            + sum(IN_PROGRESS + " and (" + PAUSED_OVERDUE + " or " + running("<", ":asOf") + ")")
            + sum(IN_PROGRESS + " and " + PAUSED)
            + sum("d.reappointedAt is not null and d.reappointedAt <= :asOf")
            + sum("d.channel = vn.motcua.dossier.Channel.ONLINE or (d.digitisedAt is not null"
                    + " and d.digitisedAt <= :asOf)")
            + sum(WITH_RESULT)
            + sum(WITH_RESULT + " and " + E_RESULT)
            + sum("d.channel = vn.motcua.dossier.Channel.ONLINE and (d.procedureCode in :electronicByNature or ("
                    + E_RESULT + "))")
            + ", sum(case when " + WITH_RESULT + " and d.handlingMinutes is not null then d.handlingMinutes"
                    + " else 0 end)"
            + sum(WITH_RESULT + " and d.handlingMinutes is not null");

    private final EntityManager em;

    DossierStatistics(EntityManager em) {
        this.em = em;
    }

    private static String sum(String condition) {
        return ", sum(case when " + condition + " then 1 else 0 end)";
    }

    /** The counts of the window per receiving unit; units without any dossier in it are left out. */
    public Map<String, Counts> perReceivingUnit(Window window) {
        return perReceivingUnit(window, null, Map.of());
    }

    /**
     * The same over the dossiers of the window that also meet a JPQL condition on alias {@code d}.
     *
     * @param restriction the condition, or null for none
     * @param restrictionParameters its parameters
     */
    Map<String, Counts> perReceivingUnit(Window window, String restriction, Map<String, Object> restrictionParameters) {
        Map<String, Object> parameters = new HashMap<>(restrictionParameters);
        String filter = filter(window, parameters) + (restriction == null ? "" : " and " + restriction);
        parameters.put("from", window.from());
        parameters.put("until", window.until());
        parameters.put("asOf", window.asOf());

        Map<String, Object> received = new HashMap<>(parameters);
        received.put("dueSoonBy", window.dueSoonBy());
        received.put("electronicByNature", byNature(window));
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (Object row : query("select d.receivingUnit, " + RECEIVED_COUNTS + " from Dossier d"
                + " where d.receivedAt >= :from and d.receivedAt < :until and d.receivedAt <= :asOf" + filter
                + " group by d.receivingUnit order by d.receivingUnit", received).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], counts(columns));
        }
        for (Object row : query("select d.receivingUnit, count(d) from Dossier d"
                + " where d.status = vn.motcua.dossier.DossierStatus.REFUSED"
                + " and d.finishedAt >= :from and d.finishedAt < :until and d.finishedAt <= :asOf" + filter
                + " group by d.receivingUnit", parameters).getResultList()) {
            Object[] columns = (Object[]) row;
            counts.merge((String) columns[0], Counts.ZERO.withRefused(number(columns[1])),
                    (a, b) -> a.withRefused(b.refused()));
        }
        return counts;
    }

    /**
     * The counts {@link #perReceivingUnit(Window, String, Map)} gives for one dossier of the window, worked out from its
     * columns instead of by the database, the same conditions as {@link #RECEIVED_COUNTS} and the refused count (SQL
     * comparisons: a null compares as false); null when it cannot be: its clock stopped or started after asOf (its
     * pauses tell how it stood then: ask the database), or a refused dossier that was also received.
     */
    static Counts judged(IndicatorKey.Facts d, Instant pauseChangedAt, Window w) {
        Instant asOf = w.asOf();
        if ((pauseChangedAt != null && pauseChangedAt.isAfter(asOf))
                || (d.status() == DossierStatus.REFUSED && d.receivedAt() != null)) {
            return null;
        }
        if ((w.units() != null && !w.units().contains(d.unit()))
                || (w.procedure() != null && !w.procedure().equals(d.procedure()))) {
            return Counts.ZERO;
        }
        long[] c = new long[17];
        if (within(d.receivedAt(), w)) {
            boolean online = d.channel() == Channel.ONLINE;
            boolean finished = atOrBefore(d.finishedAt(), asOf);
            Instant due = d.dueAt();
            Instant paused = d.pausedAt();
            c[0] = 1;
            c[1] = online ? 1 : 0;
            c[2] = finished && d.verdict() == Verdict.EARLY ? 1 : 0;
            c[3] = finished && d.verdict() == Verdict.ON_TIME ? 1 : 0;
            c[4] = finished && d.verdict() == Verdict.LATE ? 1 : 0;
            if (!finished && due != null) {
                boolean pausedNotDue = paused != null && !due.isBefore(paused);
                boolean pausedOverdue = paused != null && due.isBefore(paused);
                c[5] = pausedNotDue || (paused == null && due.isAfter(w.dueSoonBy())) ? 1 : 0;
                c[6] = paused == null && !due.isBefore(asOf) && !due.isAfter(w.dueSoonBy()) ? 1 : 0;
                c[7] = pausedOverdue || (paused == null && due.isBefore(asOf)) ? 1 : 0;
            }
            c[8] = !finished && paused != null ? 1 : 0;
            c[10] = atOrBefore(d.reappointedAt(), asOf) ? 1 : 0;
            c[11] = online || atOrBefore(d.digitisedAt(), asOf) ? 1 : 0;
            boolean withResult = finished
                    && (d.status() == DossierStatus.DONE || d.status() == DossierStatus.RETURNED);
            boolean electronic = atOrBefore(d.electronicResultAt(), asOf);
            c[12] = withResult ? 1 : 0;
            c[13] = withResult && electronic ? 1 : 0;
            c[14] = online && (w.electronicByNature().contains(d.procedure()) || electronic) ? 1 : 0;
            boolean timed = withResult && d.handlingMinutes() != null;
            c[15] = timed ? d.handlingMinutes() : 0;
            c[16] = timed ? 1 : 0;
        }
        if (d.status() == DossierStatus.REFUSED && within(d.finishedAt(), w)) {
            c[9] = 1;
        }
        return new Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13],
                c[14], c[15], c[16], 0);
    }

    /** In [from, until) and at or before asOf. */
    private static boolean within(Instant at, Window w) {
        return at != null && !at.isBefore(w.from()) && at.isBefore(w.until()) && !at.isAfter(w.asOf());
    }

    private static boolean atOrBefore(Instant at, Instant asOf) {
        return at != null && !at.isAfter(asOf);
    }

    /** Dossiers under way now: received, not finished, not returned. */
    public long underWay() {
        return number(em.createQuery("select count(d) from Dossier d where d.finishedAt is null"
                + " and d.receivedAt is not null and d.status <> vn.motcua.dossier.DossierStatus.RETURNED")
                .getSingleResult());
    }

    private static String filter(Window window, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (window.units() != null) {
            where.append(" and d.receivingUnit in :units");
            parameters.put("units", window.units().isEmpty() ? Set.of("") : window.units());
        }
        if (window.procedure() != null) {
            where.append(" and d.procedureCode = :procedure");
            parameters.put("procedure", window.procedure());
        }
        return where.toString();
    }

    private Query query(String jpql, Map<String, Object> parameters) {
        Query query = em.createQuery(jpql);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static Counts counts(Object[] c) {
        return counts(c, 1);
    }

    /** The {@link #RECEIVED_COUNTS} of a row, starting at column {@code from}. */
    public static Counts counts(Object[] c, int from) {
        return new Counts(number(c[from]), number(c[from + 1]), number(c[from + 2]), number(c[from + 3]),
                number(c[from + 4]), number(c[from + 5]), number(c[from + 6]), number(c[from + 7]),
                number(c[from + 8]), 0, number(c[from + 9]), number(c[from + 10]), number(c[from + 11]),
                number(c[from + 12]), number(c[from + 13]), number(c[from + 14]), number(c[from + 15]), 0);
    }

    /**
     * The condition that puts a dossier of alias {@code d} in the window (received in it, by asOf; of its
     * procedure), with its parameters; the window's units are left to the caller.
     */
    public static String receivedIn(Window window, Map<String, Object> parameters) {
        parameters.put("from", window.from());
        parameters.put("until", window.until());
        parameters.put("asOf", window.asOf());
        parameters.put("dueSoonBy", window.dueSoonBy());
        parameters.put("electronicByNature", byNature(window));
        String where = "d.receivedAt >= :from and d.receivedAt < :until and d.receivedAt <= :asOf";
        if (window.procedure() != null) {
            where += " and d.procedureCode = :procedure";
            parameters.put("procedure", window.procedure());
        }
        return where;
    }

    /** A list for {@code in}: never empty (no procedure code is blank). */
    private static Set<String> byNature(Window window) {
        return window.electronicByNature().isEmpty() ? Set.of("") : window.electronicByNature();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
