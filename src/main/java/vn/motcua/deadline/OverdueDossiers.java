package vn.motcua.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossiers running late now, from the dossier and handover tables (never the engine), not yet
 * returned to the citizen: those under way (received, not finished) whose statutory due has passed,
 * and those with an open step past its own due — which also finds a dossier filed and waiting too
 * long for the counter's check, and a finished one whose result waits too long to be returned. A
 * dossier whose clock is paused for a supplement is late only if it was late when its clock stopped:
 * its dues move when the citizen brings the papers.
 *
 * <p>Each dossier comes with its open step (the latest opened, held by the unit that has the dossier
 * now). Filters match the unit that received the dossier or the unit holding its open step, or, asked so
 * ({@link UnitMatch}), only the receiving unit, or only the handling units (that hold or held a handling step).
 */
@Service
@Transactional(readOnly = true)
public class OverdueDossiers {

    /**
     * A dossier running late.
     *
     * @param dueAt      the statutory due (null while the dossier waits for the counter's check)
     * @param finishedAt when handling ended (then only its open step can be late), or null
     * @param pausedAt   when its clock stopped for a supplement, or null while it runs
     * @param step       the open step's key, or null when no step is open
     */
    public record Overdue(String code, String procedureCode, String receivingUnit, String applicantName,
            Instant appointmentAt, Instant dueAt, Instant finishedAt, Instant pausedAt, String step, String stepUnit,
            Instant stepDueAt) {

        /** The earliest of its dues that has passed: the dossier's (while under way) or its open step's. */
        public Instant lateSince() {
            if (finishedAt != null || dueAt == null) {
                return stepDueAt;
            }
            if (stepDueAt != null && stepDueAt.isBefore(dueAt)) {
                return stepDueAt;
            }
            return dueAt;
        }

        /** Where its clock stands: when it stopped for a supplement, else now. */
        public Instant clockAt(Instant now) {
            return pausedAt != null ? pausedAt : now;
        }
    }

    /** How a unit filter matches a dossier. */
    public enum UnitMatch {
        /** The unit received it, or holds its open step. */
        RECEIVING_OR_HOLDING,
        /** The unit received it. */
        RECEIVING,
        /** The unit holds or held one of its handling steps (any step but the counter's). */
        HANDLING
    }

    /** The dossier's latest open step, if any. */
    private static final String LATEST_OPEN_STEP = "(select max(o.id) from Handover o where o.dossierCode = d.code"
            + " and o.endedAt is null)";
    private static final String COLUMNS = "d.code, d.procedureCode, d.receivingUnit, d.applicant.fullName,"
            + " d.appointmentAt, d.dueAt, d.finishedAt, d.pausedAt, h.step, h.unitKey, h.dueAt";
    /** Where the clock stands: when it stopped for a supplement, else now. */
    private static final String CLOCK = "coalesce(d.pausedAt, :now)";
    /**
     * Under way past the statutory due, by index {@code (finished_at, due_at)}, with the latest open
     * step; ordered by {@link Overdue#lateSince()}.
     */
    private static final String DOSSIER_LATE = " from Dossier d left join Handover h on h.dossierCode = d.code"
            + " and h.id = " + LATEST_OPEN_STEP
            + " where d.finishedAt is null and d.dueAt < :now and d.dueAt < " + CLOCK;
    private static final String DOSSIER_LATE_ORDER =
            " order by case when h.dueAt is not null and h.dueAt < d.dueAt then h.dueAt else d.dueAt end, d.code";
    /**
     * Not late by the statutory due (or no longer under way), but its latest open step is past its due, by
     * index {@code (ended_at, due_at)}; ordered by that step's due.
     */
    private static final String STEP_LATE = " from Handover h join Dossier d on d.code = h.dossierCode"
            + " where h.endedAt is null and h.dueAt < :now and h.dueAt < " + CLOCK
            + " and h.id = " + LATEST_OPEN_STEP
            + " and not (d.finishedAt is null and d.dueAt is not null and d.dueAt < " + CLOCK + ")";
    private static final String STEP_LATE_ORDER = " order by h.dueAt, d.code";

    private final EntityManager em;

    OverdueDossiers(EntityManager em) {
        this.em = em;
    }

    /**
     * The dossiers late at {@code now}, the longest late first (by the earliest passed due), at most
     * {@code limit}.
     *
     * @param units     units (receiving the dossier or holding its open step), or null for all
     * @param procedure a procedure code, or null for all
     */
    public List<Overdue> list(Set<String> units, String procedure, Instant now, int limit) {
        return list(units, UnitMatch.RECEIVING_OR_HOLDING, procedure, now, limit);
    }

    /** As {@link #list(Set, String, Instant, int)}, the units matched as asked. */
    public List<Overdue> list(Set<String> units, UnitMatch match, String procedure, Instant now, int limit) {
        List<Overdue> late = new ArrayList<>(rows("select " + COLUMNS + DOSSIER_LATE, DOSSIER_LATE_ORDER, units,
                match, procedure, now, limit));
        late.addAll(rows("select " + COLUMNS + STEP_LATE, STEP_LATE_ORDER, units, match, procedure, now, limit));
        late.sort(Comparator.comparing(Overdue::lateSince).thenComparing(Overdue::code));
        return late.size() > limit ? List.copyOf(late.subList(0, limit)) : late;
    }

    /** How many dossiers {@link #list} would give without a limit. */
    public long count(Set<String> units, String procedure, Instant now) {
        return count(units, UnitMatch.RECEIVING_OR_HOLDING, procedure, now);
    }

    /** How many dossiers {@link #list(Set, UnitMatch, String, Instant, int)} would give without a limit. */
    public long count(Set<String> units, UnitMatch match, String procedure, Instant now) {
        long count = 0;
        for (String from : List.of(DOSSIER_LATE, STEP_LATE)) {
            Map<String, Object> parameters = new HashMap<>();
            count += ((Number) query("select count(d)" + from + filter(units, match, procedure, parameters), now,
                    parameters)
                    .getSingleResult()).longValue();
        }
        return count;
    }

    /** The dossiers late at {@code now} per unit that received them; units without any are left out. */
    public Map<String, Long> countPerReceivingUnit(Instant now) {
        Map<String, Long> counts = new TreeMap<>();
        for (String from : List.of(DOSSIER_LATE, STEP_LATE)) {
            for (Object row : query("select d.receivingUnit, count(d)" + from + " group by d.receivingUnit", now,
                    new HashMap<>()).getResultList()) {
                Object[] c = (Object[]) row;
                counts.merge((String) c[0], ((Number) c[1]).longValue(), Long::sum);
            }
        }
        return counts;
    }

    private List<Overdue> rows(String select, String order, Set<String> units, UnitMatch match, String procedure,
            Instant now, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        Query query = query(select + filter(units, match, procedure, parameters) + order, now, parameters);
        query.setMaxResults(limit);
        return ((List<?>) query.getResultList()).stream().map(row -> {
            Object[] c = (Object[]) row;
            return new Overdue((String) c[0], (String) c[1], (String) c[2], (String) c[3], (Instant) c[4],
                    (Instant) c[5], (Instant) c[6], (Instant) c[7], (String) c[8], (String) c[9], (Instant) c[10]);
        }).toList();
    }

    private static String filter(Set<String> units, UnitMatch match, String procedure, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (units != null) {
            switch (match) {
                case RECEIVING -> where.append(" and d.receivingUnit in :units");
                case HANDLING -> {
                    where.append(" and exists (select x.id from Handover x where x.dossierCode = d.code"
                            + " and x.step not in :counterSteps and x.unitKey in :units)");
                    parameters.put("counterSteps", Deadlines.COUNTER_STEPS);
                }
                default -> where.append(" and (d.receivingUnit in :units or h.unitKey in :units)");
            }
            parameters.put("units", units.isEmpty() ? Set.of("") : units);
        } else if (match == UnitMatch.HANDLING) {
            where.append(" and exists (select x.id from Handover x where x.dossierCode = d.code"
                    + " and x.step not in :counterSteps)");
            parameters.put("counterSteps", Deadlines.COUNTER_STEPS);
        }
        if (procedure != null) {
            where.append(" and d.procedureCode = :procedure");
            parameters.put("procedure", procedure);
        }
        return where.toString();
    }

    private Query query(String jpql, Instant now, Map<String, Object> parameters) {
        Query query = em.createQuery(jpql);
        query.setParameter("now", now);
        parameters.forEach(query::setParameter);
        return query;
    }
}
