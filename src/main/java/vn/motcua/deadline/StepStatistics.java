package vn.motcua.deadline;

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
 * How the handling units kept their steps' deadlines: SQL aggregates over the handover table (Form 06
 * rows), per unit holding the step and per officer who ended it. Where the dossier indicators count
 * by the unit that received a dossier, these tell which unit made it late.
 *
 * <p>A step belongs to a window by its start (when its unit got the dossier), looked at as it stood at
 * {@code asOf}: ended by then, it counts by its verdict (early, on time, late); otherwise it is
 * <i>open</i>, and <i>open overdue</i> when its due was before asOf — for a dossier whose clock is
 * paused for a supplement, when its due had passed by the time the clock stopped.
 */
@Service
@Transactional(readOnly = true)
public class StepStatistics {

    /**
     * Which steps count.
     *
     * @param units     the units holding the steps, or null for every unit
     * @param procedure a procedure code, or null for all
     * @param from      the first instant of the window (of the steps' starts)
     * @param until     the end of the window, excluded
     * @param asOf      when the steps are looked at
     */
    public record Window(Set<String> units, String procedure, Instant from, Instant until, Instant asOf) {

        public Window {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** Steps ended early, on time, late; and those open at asOf, of which overdue. */
    public record StepCounts(long early, long onTime, long late, long open, long openOverdue) {

        public static final StepCounts ZERO = new StepCounts(0, 0, 0, 0, 0);

        public StepCounts plus(StepCounts o) {
            return new StepCounts(early + o.early, onTime + o.onTime, late + o.late, open + o.open,
                    openOverdue + o.openOverdue);
        }
    }

    /** An officer in a unit: who ended steps there. */
    public record Officer(String userId, String unitKey) {
    }

    private static final String ENDED = "h.endedAt <= :asOf";
    private static final String OPEN = "(h.endedAt is null or h.endedAt > :asOf)";
    private static final String VERDICT = "vn.motcua.dossier.Verdict.";
    private static final String BY_VERDICT = sum(ENDED + " and h.verdict = " + VERDICT + "EARLY")
            + sum(ENDED + " and h.verdict = " + VERDICT + "ON_TIME")
            + sum(ENDED + " and h.verdict = " + VERDICT + "LATE");
    private static final String OPEN_COUNTS = sum(OPEN)
            + sum(OPEN + " and ((d.pausedAt is not null and d.pausedAt <= :asOf and h.dueAt < d.pausedAt)"
                    + " or ((d.pausedAt is null or d.pausedAt > :asOf) and h.dueAt < :asOf))");

    private final EntityManager em;

    StepStatistics(EntityManager em) {
        this.em = em;
    }

    private static String sum(String condition) {
        return ", sum(case when " + condition + " then 1 else 0 end)";
    }

    /** Per unit holding the steps, by unit key; units without a step in the window are left out. */
    public Map<String, StepCounts> perUnit(Window window) {
        Map<String, StepCounts> counts = new LinkedHashMap<>();
        for (Object[] row : rows("select h.unitKey" + BY_VERDICT + OPEN_COUNTS, "", " group by h.unitKey"
                + " order by h.unitKey", window)) {
            counts.put((String) row[0], new StepCounts(number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                    number(row[5])));
        }
        return counts;
    }

    /** Per officer who ended steps (and the unit they ended them in); open steps have no officer yet. */
    public Map<Officer, StepCounts> perOfficer(Window window) {
        Map<Officer, StepCounts> counts = new LinkedHashMap<>();
        for (Object[] row : rows("select h.endedBy, h.unitKey" + BY_VERDICT, " and h.endedBy is not null and " + ENDED,
                " group by h.endedBy, h.unitKey order by h.endedBy, h.unitKey", window)) {
            counts.put(new Officer((String) row[0], (String) row[1]),
                    new StepCounts(number(row[2]), number(row[3]), number(row[4]), 0, 0));
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private java.util.List<Object[]> rows(String select, String condition, String groupBy, Window window) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(
                " where h.startedAt >= :from and h.startedAt < :until and h.startedAt <= :asOf");
        where.append(condition);
        if (window.units() != null) {
            where.append(" and h.unitKey in :units");
            parameters.put("units", window.units().isEmpty() ? Set.of("") : window.units());
        }
        if (window.procedure() != null) {
            where.append(" and d.procedureCode = :procedure");
            parameters.put("procedure", window.procedure());
        }
        parameters.put("from", window.from());
        parameters.put("until", window.until());
        parameters.put("asOf", window.asOf());
        Query query = em.createQuery(select + " from Handover h join Dossier d on d.code = h.dossierCode" + where
                + groupBy);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
