package vn.motcua.deadline;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each officer did in a period, for the emulation scorecard: SQL aggregates over the handover table (the steps
 * an officer ended, by verdict), the escalations of overdue steps and the re-appointments (Form 04), each by the
 * unit and the officer who held the step at that moment.
 *
 * <p>A step counts in the period it ended in, for the officer who ended it (its task's completion; steps the
 * system ended with the dossier, stopped or refused, have no officer and are left out). An escalation counts in the
 * period it was raised, a re-appointment in the one it was approved; for the officer the step was assigned to then,
 * or for the unit alone when nobody had claimed it (the officer is null).
 */
@Service
@Transactional(readOnly = true)
public class OfficerStatistics {

    /** An officer in a unit; the officer is null for what happened to a step nobody had claimed. */
    public record Key(String unitKey, String userId) {
    }

    /** Steps ended early (before the due day), on time (on the due day, in time) and late. */
    public record Steps(long early, long onTime, long late) {

        public static final Steps ZERO = new Steps(0, 0, 0);

        public long total() {
            return early + onTime + late;
        }

        /** Ended before their deadline: early or on time. */
        public long inTime() {
            return early + onTime;
        }
    }

    private static final String VERDICT = "vn.motcua.dossier.Verdict.";

    private final EntityManager em;

    OfficerStatistics(EntityManager em) {
        this.em = em;
    }

    /**
     * The steps officers ended from {@code from} (included) to {@code until} (excluded), per unit and officer.
     *
     * @param units the units holding the steps, or null for every unit
     */
    public Map<Key, Steps> stepsEnded(Set<String> units, Instant from, Instant until) {
        Map<Key, Steps> steps = new LinkedHashMap<>();
        for (Object[] row : rows("select h.unitKey, h.endedBy"
                + ", sum(case when h.verdict = " + VERDICT + "EARLY then 1 else 0 end)"
                + ", sum(case when h.verdict = " + VERDICT + "ON_TIME then 1 else 0 end)"
                + ", sum(case when h.verdict = " + VERDICT + "LATE then 1 else 0 end)"
                + " from Handover h where h.endedAt >= :from and h.endedAt < :until and h.endedBy is not null",
                "h.unitKey", " group by h.unitKey, h.endedBy", units, from, until)) {
            steps.put(new Key((String) row[0], (String) row[1]), new Steps(number(row[2]), number(row[3]),
                    number(row[4])));
        }
        return steps;
    }

    /** The escalations of overdue steps raised in the period, per unit holding the step and officer holding it. */
    public Map<Key, Long> escalations(Set<String> units, Instant from, Instant until) {
        return counts("select e.unitKey, e.heldBy, count(e.id) from Escalation e where e.at >= :from and e.at < :until",
                "e.unitKey", " group by e.unitKey, e.heldBy", units, from, until);
    }

    /** The re-appointments (Form 04) approved in the period, per unit that issued them and officer holding the step. */
    public Map<Key, Long> reappointments(Set<String> units, Instant from, Instant until) {
        return counts("select r.unitKey, r.heldBy, count(r.id) from Reappointment r"
                + " where r.approvedAt >= :from and r.approvedAt < :until",
                "r.unitKey", " group by r.unitKey, r.heldBy", units, from, until);
    }

    private Map<Key, Long> counts(String select, String unitColumn, String groupBy, Set<String> units, Instant from,
            Instant until) {
        Map<Key, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows(select, unitColumn, groupBy, units, from, until)) {
            counts.put(new Key((String) row[0], (String) row[1]), number(row[2]));
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String select, String unitColumn, String groupBy, Set<String> units, Instant from,
            Instant until) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = new StringBuilder(select);
        if (units != null) {
            jpql.append(" and ").append(unitColumn).append(" in :units");
            parameters.put("units", units.isEmpty() ? Set.of("") : units);
        }
        parameters.put("from", from);
        parameters.put("until", until);
        Query query = em.createQuery(jpql + groupBy);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
