package vn.motcua.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.Deadlines;

/**
 * The satisfaction report: SQL aggregates over the survey tables (one row per group, never the
 * surveys themselves), filtered on the unit, the procedure and the invitation date. Other modules
 * (the supervisors' indicators) read the SIPAS index through {@link #sipas}.
 */
@Service
@Transactional(readOnly = true)
public class SatisfactionReport {

    /**
     * Which surveys count.
     *
     * @param units     the units whose surveys count; null for every unit
     * @param procedure a procedure code, or null for all
     * @param from      the first invitation day (in the province's zone), or null
     * @param to        the last invitation day, inclusive, or null
     */
    record Filter(Set<String> units, String procedure, LocalDate from, LocalDate to) {
    }

    /** The whole, and the same per unit (that received the dossiers) and per officer (who handled them). */
    record Result(Tally total, Map<String, Tally> perUnit, Map<String, Tally> perOfficer) {
    }

    /**
     * A SIPAS index: the average of the five element indexes (percent, two decimals; null when
     * nothing was answered), and how many responses it rests on.
     */
    public record Sipas(BigDecimal index, long responses) {
    }

    /** SIPAS over the filter, and per unit that received the dossiers (units without surveys left out). */
    public record SipasResult(Sipas total, Map<String, Sipas> perUnit) {
    }

    /**
     * What the public may see of a group of surveys: the responses, the five elements' indexes and SIPAS (as the
     * staff report computes them), the complaints filed on them and how many of those the supervisors answered.
     *
     * @param elements each element's index, keyed as in the API ({@code access, procedure, officers, result,
     *                 feedback}), in SIPAS order
     */
    public record Satisfaction(long responses, Map<String, BigDecimal> elements, BigDecimal sipas, long complaints,
            long complaintsAnswered) {

        static final Satisfaction NONE = of(new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0), 0);

        static Satisfaction of(Tally tally, long answered) {
            return new Satisfaction(tally.responses(), tally.elements(), tally.sipas(), tally.complaints(), answered);
        }
    }

    /** {@link Satisfaction} in total and per unit that received the dossiers (every unit asked for, zero or not). */
    public record Satisfactions(Satisfaction total, Map<String, Satisfaction> perUnit) {
    }

    private static final String COUNTS = "count(s.id), count(r.id)"
            + satisfied("access") + satisfied("procedure") + satisfied("officers") + satisfied("result")
            + satisfied("feedback") + satisfied("overall") + ", count(c.id)";
    private static final String FROM = " from Survey s left join SurveyResponse r on r.surveyId = s.id"
            + " left join SurveyComplaint c on c.surveyId = s.id";

    private final EntityManager em;
    private final WorkingCalendar calendar;

    SatisfactionReport(EntityManager em, WorkingCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    Result compute(Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        Tally total = Tally.of((Object[]) query("select " + COUNTS + FROM + where, parameters).getSingleResult(), 0);
        Map<String, Tally> perUnit = grouped("select s.unitKey, " + COUNTS + FROM + where
                + " group by s.unitKey order by s.unitKey", parameters);
        Map<String, Tally> perOfficer = grouped("select o, " + COUNTS
                + " from Survey s join s.officers o left join SurveyResponse r on r.surveyId = s.id"
                + " left join SurveyComplaint c on c.surveyId = s.id" + where + " group by o order by o", parameters);
        return new Result(total, perUnit, perOfficer);
    }

    /**
     * The satisfaction of every unit's surveys invited on the days from {@code from} to {@code to} (inclusive),
     * filtered as {@link #sipas} filters them, so that its SIPAS equals the staff indicators'; complaints are
     * those filed on these surveys, answered (the supervisors' verdict recorded) as of now. Two aggregate queries.
     *
     * @param units the unit keys to list (with zeros when they have no survey)
     */
    public Satisfactions satisfactions(List<String> units, LocalDate from, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(new Filter(null, null, from, to), parameters);
        String counts = COUNTS + ", count(c.reviewedAt)";
        Object[] totalRow = (Object[]) query("select " + counts + FROM + where, parameters).getSingleResult();
        Satisfaction total = Satisfaction.of(Tally.of(totalRow, 0), number(totalRow[9]));
        Map<String, Satisfaction> perUnit = new LinkedHashMap<>();
        units.forEach(unit -> perUnit.put(unit, Satisfaction.NONE));
        for (Object row : query("select s.unitKey, " + counts + FROM + where + " group by s.unitKey", parameters)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            perUnit.put((String) columns[0], Satisfaction.of(Tally.of(columns, 1), number(columns[10])));
        }
        return new Satisfactions(total, perUnit);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * The SIPAS index of the surveys of these units and procedure, invited on the days from
     * {@code from} to {@code to} (inclusive, in the province's zone; null for open ends).
     *
     * @param units the units that received the dossiers, or null for every unit
     */
    public SipasResult sipas(Set<String> units, String procedure, LocalDate from, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(new Filter(units, procedure, from, to), parameters);
        Tally total = Tally.of((Object[]) query("select " + COUNTS + FROM + where, parameters).getSingleResult(), 0);
        Map<String, Sipas> perUnit = new LinkedHashMap<>();
        grouped("select s.unitKey, " + COUNTS + FROM + where + " group by s.unitKey order by s.unitKey", parameters)
                .forEach((unit, tally) -> perUnit.put(unit, new Sipas(tally.sipas(), tally.responses())));
        return new SipasResult(new Sipas(total.sipas(), total.responses()), perUnit);
    }

    /**
     * The SIPAS index of the surveys of the dossiers these units handled (held a handling step of, see
     * {@code HandlingStatistics}), of this procedure, invited on the days from {@code from} to {@code to}; per
     * handling unit, a survey counting once for each agency that handled its dossier and once in the total.
     *
     * @param units the handling units, or null for every unit
     */
    public SipasResult sipasOfHandled(Set<String> units, String procedure, LocalDate from, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(new Filter(null, procedure, from, to), parameters);
        parameters.put("counterSteps", Deadlines.COUNTER_STEPS);
        String unitFilter = "";
        if (units != null) {
            unitFilter = " and h.unitKey in :units";
            parameters.put("units", units.isEmpty() ? Set.of("") : units);
        }
        String and = where.isEmpty() ? " where " : where + " and ";
        Tally total = Tally.of((Object[]) query("select " + COUNTS + FROM + and + "exists (select h.id from Handover h"
                + " where h.dossierCode = s.dossierCode and h.step not in :counterSteps" + unitFilter + ")", parameters)
                .getSingleResult(), 0);
        Map<String, Sipas> perUnit = new LinkedHashMap<>();
        grouped("select h.unitKey, " + COUNTS + FROM + " join Handover h on h.dossierCode = s.dossierCode" + and
                + "h.id = (select min(f.id) from Handover f where f.dossierCode = h.dossierCode and f.unitKey = h.unitKey"
                + " and f.step not in :counterSteps)" + unitFilter + " group by h.unitKey order by h.unitKey", parameters)
                .forEach((unit, tally) -> perUnit.put(unit, new Sipas(tally.sipas(), tally.responses())));
        return new SipasResult(new Sipas(total.sipas(), total.responses()), perUnit);
    }

    /**
     * The satisfaction of the dossiers someone took part in, for the emulation scorecard: the SIPAS of their surveys
     * and how many of those surveys' complaints the supervisors upheld.
     */
    public record TakingPart(Sipas sipas, long complaintsUpheld) {
    }

    private static final String TAKING_PART = "count(r.id)" + satisfied("access") + satisfied("procedure")
            + satisfied("officers") + satisfied("result") + satisfied("feedback")
            + ", sum(case when c.upheld = true then 1 else 0 end)";

    /**
     * Per officer, over the surveys sent from {@code from} (included) to {@code until} (excluded) of the dossiers the
     * officer took part in (received at the counter or ended a step of, as the survey recorded them).
     */
    public Map<String, TakingPart> perOfficerTakingPart(Instant from, Instant until) {
        Map<String, Object> parameters = Map.of("from", from, "until", until);
        return takingPart("select o, " + TAKING_PART + " from Survey s join s.officers o"
                + " left join SurveyResponse r on r.surveyId = s.id left join SurveyComplaint c on c.surveyId = s.id"
                + " where s.invitedAt >= :from and s.invitedAt < :until group by o", parameters);
    }

    /**
     * Per unit, over the surveys sent in the period of the dossiers the unit held a step of (any step, the counter's
     * too), each survey counting once for each such unit.
     *
     * @param units the units, or null for every unit
     */
    public Map<String, TakingPart> perUnitTakingPart(Set<String> units, Instant from, Instant until) {
        Map<String, Object> parameters = new HashMap<>(Map.of("from", from, "until", until));
        String unitFilter = "";
        if (units != null) {
            unitFilter = " and h.unitKey in :units";
            parameters.put("units", units.isEmpty() ? Set.of("") : units);
        }
        return takingPart("select h.unitKey, " + TAKING_PART + FROM + " join Handover h on h.dossierCode = s.dossierCode"
                + " where s.invitedAt >= :from and s.invitedAt < :until and h.id = (select min(f.id) from Handover f"
                + " where f.dossierCode = h.dossierCode and f.unitKey = h.unitKey)" + unitFilter + " group by h.unitKey",
                parameters);
    }

    private Map<String, TakingPart> takingPart(String jpql, Map<String, Object> parameters) {
        Map<String, TakingPart> result = new LinkedHashMap<>();
        for (Object row : query(jpql, parameters).getResultList()) {
            Object[] c = (Object[]) row;
            long[] n = new long[7];
            for (int i = 0; i < n.length; i++) {
                n[i] = c[i + 1] == null ? 0 : ((Number) c[i + 1]).longValue();
            }
            Tally tally = new Tally(0, n[0], n[1], n[2], n[3], n[4], n[5], 0, 0);
            result.put((String) c[0], new TakingPart(new Sipas(tally.sipas(), tally.responses()), n[6]));
        }
        return result;
    }

    /** An overall rating at or below it is dissatisfied (Không hài lòng, Rất không hài lòng): Decision 766, 5.4. */
    static final int DISSATISFIED = 2;

    /**
     * Per unit and in total: the dossiers received in {@code [from, until)} by asOf with a complaint filed or a
     * dissatisfied overall rating answered by asOf (Decision 766, 5.4), each dossier once.
     */
    public record Grouped<T>(T total, Map<String, T> perUnit) {
    }

    /** Complaints after a low score filed in a period, and how many of them were handled by asOf (Decision 766, 5.x). */
    public record Feedback(long complaints, long handled) {

        public static final Feedback NONE = new Feedback(0, 0);
    }

    private static final String UNHAPPY = "((c.id is not null and c.filedAt <= :asOf) or (r.id is not null"
            + " and r.answeredAt <= :asOf and r.overall <= " + DISSATISFIED + "))";
    private static final String SURVEYED = " from Survey s join Dossier d on d.code = s.dossierCode"
            + " left join SurveyResponse r on r.surveyId = s.id left join SurveyComplaint c on c.surveyId = s.id";

    /**
     * The dossiers received in the window with a complaint or a dissatisfied rating by asOf, per receiving unit
     * ({@code byHandling} false) or per handling unit (true: a dossier counts for each unit that held one of its
     * handling steps, and once in the total).
     *
     * @param units the units, or null for every unit
     */
    public Grouped<Long> dissatisfied(Set<String> units, String procedure, Instant from, Instant until, Instant asOf,
            boolean byHandling) {
        Map<String, Object> parameters = new HashMap<>();
        String where = " where d.receivedAt >= :from and d.receivedAt < :until and d.receivedAt <= :asOf and " + UNHAPPY;
        parameters.put("from", from);
        parameters.put("until", until);
        parameters.put("asOf", asOf);
        if (procedure != null) {
            where += " and d.procedureCode = :procedure";
            parameters.put("procedure", procedure);
        }
        return grouped(units, where, parameters, byHandling, "count(distinct d.code)",
                row -> ((Number) row[0]).longValue(), 0L);
    }

    /**
     * The complaints filed in {@code [from, until)} by asOf, and how many were handled by asOf: per unit that
     * received the dossier, or per handling unit ({@code byHandling}), as {@link #dissatisfied}.
     */
    public Grouped<Feedback> feedback(Set<String> units, String procedure, Instant from, Instant until, Instant asOf,
            boolean byHandling) {
        Map<String, Object> parameters = new HashMap<>();
        String where = " where c.filedAt >= :from and c.filedAt < :until and c.filedAt <= :asOf";
        parameters.put("from", from);
        parameters.put("until", until);
        parameters.put("asOf", asOf);
        if (procedure != null) {
            where += " and d.procedureCode = :procedure";
            parameters.put("procedure", procedure);
        }
        return grouped(units, where, parameters, byHandling,
                "count(distinct c.id), count(distinct case when c.reviewedAt <= :asOf then c.id end)",
                row -> new Feedback(((Number) row[0]).longValue(), ((Number) row[1]).longValue()), Feedback.NONE);
    }

    private <T> Grouped<T> grouped(Set<String> units, String where, Map<String, Object> parameters, boolean byHandling,
            String columns, java.util.function.Function<Object[], T> read, T none) {
        Set<String> filter = units == null ? null : units.isEmpty() ? Set.of("") : units;
        Map<String, T> perUnit = new LinkedHashMap<>();
        T total;
        if (byHandling) {
            parameters.put("counterSteps", Deadlines.COUNTER_STEPS);
            String unitFilter = filter == null ? "" : " and h.unitKey in :units";
            if (filter != null) {
                parameters.put("units", filter);
            }
            total = read.apply(row(query("select " + columns + SURVEYED + where + " and exists (select h.id from"
                    + " Handover h where h.dossierCode = d.code and h.step not in :counterSteps" + unitFilter + ")",
                    parameters).getSingleResult()));
            for (Object result : query("select h.unitKey, " + columns + SURVEYED
                    + " join Handover h on h.dossierCode = d.code" + where + " and h.step not in :counterSteps"
                    + unitFilter + " group by h.unitKey", parameters).getResultList()) {
                Object[] row = (Object[]) result;
                perUnit.put((String) row[0], read.apply(java.util.Arrays.copyOfRange(row, 1, row.length)));
            }
        } else {
            String unitFilter = filter == null ? "" : " and d.receivingUnit in :units";
            if (filter != null) {
                parameters.put("units", filter);
            }
            total = read.apply(row(query("select " + columns + SURVEYED + where + unitFilter, parameters)
                    .getSingleResult()));
            for (Object result : query("select d.receivingUnit, " + columns + SURVEYED + where + unitFilter
                    + " group by d.receivingUnit", parameters).getResultList()) {
                Object[] row = (Object[]) result;
                perUnit.put((String) row[0], read.apply(java.util.Arrays.copyOfRange(row, 1, row.length)));
            }
        }
        return new Grouped<>(total == null ? none : total, perUnit);
    }

    private static Object[] row(Object result) {
        return result instanceof Object[] columns ? columns : new Object[] {result};
    }

    private static String satisfied(String element) {
        return ", sum(case when r." + element + " >= " + SipasElement.SATISFIED + " then 1 else 0 end)";
    }

    private String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.units() != null) {
            conditions.add("s.unitKey in :units");
            parameters.put("units", filter.units());
        }
        if (filter.procedure() != null) {
            conditions.add("s.procedureCode = :procedure");
            parameters.put("procedure", filter.procedure());
        }
        if (filter.from() != null) {
            conditions.add("s.invitedAt >= :from");
            parameters.put("from", startOf(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("s.invitedAt < :to");
            parameters.put("to", startOf(filter.to().plusDays(1)));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }

    private Query query(String jpql, Map<String, Object> parameters) {
        Query query = em.createQuery(jpql);
        parameters.forEach(query::setParameter);
        return query;
    }

    private Map<String, Tally> grouped(String jpql, Map<String, Object> parameters) {
        Map<String, Tally> groups = new LinkedHashMap<>();
        for (Object row : query(jpql, parameters).getResultList()) {
            Object[] columns = (Object[]) row;
            groups.put((String) columns[0], Tally.of(columns, 1));
        }
        return groups;
    }
}
