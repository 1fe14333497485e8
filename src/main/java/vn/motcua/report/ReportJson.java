package vn.motcua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.motcua.dossier.DossierStatistics.Counts;

/** The JSON of the report API: records in the order their fields appear. */
final class ReportJson {

    private ReportJson() {
    }

    /**
     * @param units the units counted, or null for every unit
     * @param by    which units the dossiers are counted for ({@code receiving} or {@code handling}), for the
     *              indicators only
     */
    record Filter(List<String> units, String procedure, LocalDate from, LocalDate to,
            @JsonInclude(JsonInclude.Include.NON_NULL) String by) {
    }

    /**
     * The indicators' counts; percentages have two decimals and are null when nothing was received.
     * {@code received = finished (early + on time + late) + in progress (not due + due soon + overdue)};
     * {@code paused} is part of the in-progress ones, {@code refused} apart.
     */
    record CountsJson(long received, long receivedOnline, long receivedCounter, long finishedEarly,
            long finishedOnTime, long finishedLate, long inProgressNotDue, long inProgressDueSoon,
            long inProgressOverdue, long paused, long refused, long reappointed, BigDecimal onTimeRate,
            BigDecimal onlineShare) {

        static CountsJson of(Counts c) {
            return new CountsJson(c.received(), c.receivedOnline(), c.receivedCounter(), c.finishedEarly(),
                    c.finishedOnTime(), c.finishedLate(), c.inProgressNotDue(), c.inProgressDueSoon(),
                    c.inProgressOverdue(), c.paused(), c.refused(), c.reappointed(), Indicators.onTimeRate(c),
                    Indicators.onlineShare(c));
        }
    }

    record UnitCounts(String unit, String unitName, @JsonUnwrapped CountsJson counts) {
    }

    /** @param month yyyy-MM */
    record MonthCounts(String month, @JsonUnwrapped CountsJson counts) {
    }

    /** {@code GET /api/reports/indicators}. */
    record IndicatorsJson(Filter filter, OffsetDateTime asOf, CountsJson total, List<UnitCounts> perUnit,
            List<MonthCounts> perMonth, BigDecimal sipas, long sipasResponses, Decision766Json decision766) {
    }

    /**
     * One Decision 766 indicator: its number in the decision, its Vietnamese name, and either its value (percent,
     * or working days for 2.2; null when there is nothing to divide by) with what it is computed from, or, when the
     * system lacks what it rests on, {@code available: false} and the reason (never a 0).
     */
    record IndicatorJson(String code, String name, boolean available, BigDecimal value, String unit, Long numerator,
            Long denominator, String reason) {
    }

    record UnitIndicators(String unit, String unitName, List<IndicatorJson> indicators) {
    }

    /** The Decision 766 indicators of the whole period and of each unit. */
    record Decision766Json(List<IndicatorJson> total, List<UnitIndicators> perUnit) {
    }

    record StepUnit(String unit, String unitName, long early, long onTime, long late, long open, long openOverdue) {
    }

    /** Steps an officer ended in a unit (open steps have no officer yet). */
    record StepOfficer(String officer, String unit, String unitName, long early, long onTime, long late) {
    }

    /** {@code GET /api/reports/steps}. */
    record StepsJson(Filter filter, OffsetDateTime asOf, List<StepUnit> perUnit, List<StepOfficer> perOfficer) {
    }

    /**
     * One row of {@code GET /api/reports/overdue}.
     *
     * @param dueAt                 the statutory due (the original appointment, moved only by supplement
     *                              pauses); null while the dossier waits for the counter's check
     * @param overdueWorkingMinutes working time since the earliest passed due (the dossier's or its open
     *                              step's), until now or until its clock stopped for a supplement
     * @param paused                its clock stands for a supplement
     * @param step                  the open step's key and unit, its due; null when no step is open
     * @param processInstanceId     the dossier's lifecycle process instance, for Cockpit
     */
    record OverdueJson(String code, String procedureCode, String procedureName, String receivingUnit,
            String receivingUnitName, String applicantName, OffsetDateTime appointmentAt, OffsetDateTime dueAt,
            long overdueWorkingMinutes, boolean paused, String step, String stepUnit, String stepUnitName,
            OffsetDateTime stepDueAt, String processInstanceId) {
    }

    /** {@code POST /api/reports/periodic}: the run started. */
    record PeriodicJson(String month, String processInstanceId, List<String> recipients) {
    }
}
