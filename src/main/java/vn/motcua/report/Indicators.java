package vn.motcua.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.HandlingStatistics;
import vn.motcua.dossier.DossierStatistics;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.dossier.IndicatorCounts;
import vn.motcua.survey.SatisfactionReport;
import vn.motcua.survey.SatisfactionReport.Feedback;

/**
 * The indicators supervisors report (Decision 766/QĐ-TTg) over a period of days, computed by the
 * database ({@link DossierStatistics}, {@link SatisfactionReport}): per month of the period, two
 * aggregate queries (received, refused) of one row per receiving unit; the SIPAS index in two more.
 *
 * <ul>
 * <li>A dossier belongs to the period by the day it was <b>received</b> (Asia/Ho_Chi_Minh), and is
 * counted for the unit whose counter received it ({@code perUnit}) and the month of its reception
 * ({@code perMonth}).</li>
 * <li>The dossiers are looked at <b>as of</b> now, or the end of the period when that is past:
 * finished by then (the first of done, stopped, withdrawn) by the verdict fixed when it finished —
 * early, on time, late, a re-appointed dossier or one asked for a supplement more than once being
 * late; the others in progress — overdue (statutory due before asOf), due soon (due within one
 * working day: due at or before asOf + 8 working hours), not due; paused (clock stopped for a
 * supplement) is part of them, judged as its clock stood when it stopped.</li>
 * <li>Refused dossiers (Form 03) were never received: they count apart, by the day they were refused.</li>
 * <li>On-time rate = (finished early + on time + in progress not due + due soon) / (finished + in
 * progress) × 100; online share = received online / received × 100; two decimals, half up, null when
 * nothing was received.</li>
 * <li>SIPAS comes from the satisfaction surveys of the same units and procedure invited on the days of
 * the period.</li>
 * <li><b>By handling unit</b> ({@link Attribution#HANDLING}) the same dossiers and figures belong to the units
 * holding their handling steps ({@link HandlingStatistics}) instead of the receiving one: each agency counts a
 * dossier it handled once, an interconnected set once for each of its agencies, and a total over several units
 * (per month and in all) counts each dossier once, so it can be less than the sum of its units. Refused dossiers
 * never reached a handling unit (0), and a dossier not yet at its first handling step counts for none. SIPAS
 * comes from the surveys of the dossiers the units handled.</li>
 * </ul>
 */
@Service
public class Indicators {

    /** A working day: "due soon" is due within one. */
    static final long DUE_SOON_MINUTES = 8 * 60;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DossierStatistics statistics;
    private final HandlingStatistics handling;
    private final SatisfactionReport satisfaction;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final IndicatorProperties properties;

    private final IndicatorCounts counts;

    Indicators(DossierStatistics statistics, HandlingStatistics handling, SatisfactionReport satisfaction,
            Catalog catalog, WorkingCalendar calendar, IndicatorProperties properties, IndicatorCounts counts) {
        this.counts = counts;
        this.statistics = statistics;
        this.handling = handling;
        this.satisfaction = satisfaction;
        this.catalog = catalog;
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * The indicators. No access check: callers decide which units one may see.
     *
     * @param units     the receiving units whose dossiers count; null for every unit. {@code perUnit} lists
     *                  each of them (every unit of the catalog for null), by key, even with nothing to count
     * @param procedure a procedure code, or null for all
     * @param from      the first day of the period
     * @param to        the last day, inclusive
     */
    public Report compute(Set<String> units, String procedure, LocalDate from, LocalDate to) {
        return compute(Attribution.RECEIVING, units, procedure, from, to);
    }

    /**
     * The indicators with the dossiers counted for their receiving unit or for their handling units.
     *
     * @param by    receiving or handling
     * @param units the units whose dossiers count (received by them, or handled by them); null for every unit
     */
    Report compute(Attribution by, Set<String> units, String procedure, LocalDate from, LocalDate to) {
        ReportPeriod period = new ReportPeriod(from, to, calendar);
        Instant asOf = period.asOf();
        Instant dueSoonBy = calendar.addWorkingTime(asOf, DUE_SOON_MINUTES, null).toInstant();
        Set<String> filter = units == null ? null : Set.copyOf(units);

        Map<String, Counts> perUnit = new LinkedHashMap<>();
        (units == null ? catalog.units().stream().map(Unit::getKey).toList() : units).stream().sorted()
                .forEach(unit -> perUnit.put(unit, Counts.ZERO));
        Map<YearMonth, Counts> perMonth = new LinkedHashMap<>();
        Counts total = Counts.ZERO;
        if (by == Attribution.RECEIVING) {
            // the daily counts: as the direct aggregation below would count, without reading each dossier
            for (Map.Entry<YearMonth, Map<String, Counts>> month : counts.perReceivingUnit(filter, procedure, from, to,
                    asOf, dueSoonBy, properties.electronicResultProcedures()).entrySet()) {
                Counts monthly = Counts.ZERO;
                for (Map.Entry<String, Counts> unit : month.getValue().entrySet()) {
                    perUnit.merge(unit.getKey(), unit.getValue(), Counts::plus);
                    monthly = monthly.plus(unit.getValue());
                }
                perMonth.put(month.getKey(), monthly);
                total = total.plus(monthly);
            }
        }
        for (YearMonth month = YearMonth.from(from); by == Attribution.HANDLING
                && !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            DossierStatistics.Window window = new DossierStatistics.Window(filter, procedure, period.start(first),
                    period.start(last.plusDays(1)), asOf, dueSoonBy, properties.electronicResultProcedures());
            for (Map.Entry<String, Counts> unit : handling.perHandlingUnit(window).entrySet()) {
                perUnit.merge(unit.getKey(), unit.getValue(), Counts::plus);
            }
            // a dossier of several agencies counts once in the month
            Counts monthly = handling.handledBy(window);
            perMonth.put(month, monthly);
            total = total.plus(monthly);
        }
        SatisfactionReport.SipasResult sipas = by == Attribution.HANDLING
                ? satisfaction.sipasOfHandled(filter, procedure, from, to)
                : satisfaction.sipas(filter, procedure, from, to);
        boolean byHandling = by == Attribution.HANDLING;
        SatisfactionReport.Grouped<Long> unhappy = satisfaction.dissatisfied(filter, procedure, period.start(from),
                period.end(), asOf, byHandling);
        unhappy.perUnit().forEach((unit, n) -> perUnit.computeIfPresent(unit, (key, c) -> c.withDissatisfied(n)));
        total = total.withDissatisfied(unhappy.total());
        SatisfactionReport.Grouped<Feedback> feedback = satisfaction.feedback(filter, procedure, period.start(from),
                period.end(), asOf, byHandling);
        return new Report(filter, procedure, from, to, asOf, total, perUnit, perMonth, sipas.total(), sipas.perUnit(),
                feedback.total(), feedback.perUnit());
    }

    /**
     * The receiving units' counts of the period by direct aggregation over the dossier table, month by month: what the
     * daily counts ({@link IndicatorCounts}) must equal. For tests and checks.
     */
    Map<YearMonth, Map<String, Counts>> directPerReceivingUnit(Set<String> units, String procedure, LocalDate from,
            LocalDate to, Instant asOf) {
        ReportPeriod period = new ReportPeriod(from, to, calendar);
        Instant dueSoonBy = calendar.addWorkingTime(asOf, DUE_SOON_MINUTES, null).toInstant();
        Map<YearMonth, Map<String, Counts>> months = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            months.put(month, new java.util.TreeMap<>(statistics.perReceivingUnit(new DossierStatistics.Window(units,
                    procedure, period.start(first), period.start(last.plusDays(1)), asOf, dueSoonBy,
                    properties.electronicResultProcedures()))));
        }
        return months;
    }

    /** The same from the daily counts, as {@link #compute} reads them. */
    Map<YearMonth, Map<String, Counts>> countedPerReceivingUnit(Set<String> units, String procedure, LocalDate from,
            LocalDate to, Instant asOf) {
        Instant dueSoonBy = calendar.addWorkingTime(asOf, DUE_SOON_MINUTES, null).toInstant();
        return counts.perReceivingUnit(units, procedure, from, to, asOf, dueSoonBy,
                properties.electronicResultProcedures());
    }

    /**
     * The indicators of a period.
     *
     * @param units        the receiving units counted, or null for every unit
     * @param perUnit      counts per receiving unit, in listing order
     * @param perMonth     counts per month of reception, in order
     * @param sipasPerUnit SIPAS per unit that received the surveyed dossiers
     */
    public record Report(Set<String> units, String procedure, LocalDate from, LocalDate to, Instant asOf, Counts total,
            Map<String, Counts> perUnit, Map<YearMonth, Counts> perMonth, SatisfactionReport.Sipas sipas,
            Map<String, SatisfactionReport.Sipas> sipasPerUnit, Feedback feedback, Map<String, Feedback> feedbackPerUnit) {

        /** The Decision 766 indicators of the whole. */
        public List<Indicator> decision766() {
            return Indicators.decision766(total, feedback);
        }

        /** The Decision 766 indicators of one unit. */
        public List<Indicator> decision766(String unit) {
            return Indicators.decision766(perUnit.getOrDefault(unit, Counts.ZERO),
                    feedbackPerUnit.getOrDefault(unit, Feedback.NONE));
        }
    }

    /**
     * One indicator of Decision 766/QĐ-TTg (its number in the decision's description of formulas, e.g. "4.1").
     * Available: {@code value} (percent, or working days for 2.2; two decimals, half up; null when there is nothing
     * to divide by) = {@code numerator} / {@code denominator}. Not available: the system lacks what it rests on,
     * {@code value} null, never 0; the reason is in the message bundle ({@code indicators.766.<key>.reason}).
     *
     * @param key the message key part and CSV column: e.g. {@code electronicResults}
     */
    public record Indicator(String code, String key, boolean available, BigDecimal value, Long numerator,
            Long denominator) {

        static Indicator of(String code, String key, BigDecimal value, long numerator, long denominator) {
            return new Indicator(code, key, true, value, numerator, denominator);
        }

        static Indicator unavailable(String code, String key) {
            return new Indicator(code, key, false, null, null, null);
        }
    }

    /** The indicators of Decision 766 that need systems the city's one-stop system has no link to. */
    static final List<Indicator> UNAVAILABLE = List.of(
            Indicator.unavailable("1.4", "nationalPortalSync"),
            Indicator.unavailable("3.5", "onlinePayment"),
            Indicator.unavailable("4.3", "digitisedReuse"),
            Indicator.unavailable("4.5", "populationData"));

    /**
     * The Decision 766 indicators of these counts, in the decision's order. Definitions (Decision 766/QĐ-TTg of
     * 23 June 2022, its appendix's formulas):
     * <ul>
     * <li>2.1 on-time rate: {@link #onTimeRate};</li>
     * <li>2.2 average handling time: the working time from reception to the result (done or returned), less the
     * time the clock stood for supplements, averaged over the dossiers with a result by asOf, in working days of
     * 8 hours;</li>
     * <li>3.3 online share: online dossiers / received × 100, an online dossier whose procedure's result is a paper
     * counting only once its electronic result was issued too ({@link IndicatorProperties});</li>
     * <li>4.1 electronic results: dossiers with a result whose electronic result was issued / dossiers with a
     * result × 100;</li>
     * <li>4.2 digitisation: dossiers digitised (received online, or at the counter with scans of their papers) /
     * received × 100;</li>
     * <li>5.4 satisfaction with handling: 100 − (late rate + share of the received dossiers with a complaint or a
     * dissatisfied overall rating), the late rate being (finished late + in progress overdue) / (finished + in
     * progress) × 100;</li>
     * <li>5.1 citizens' feedback handled: complaints (after a low survey score) handled by the unit's supervisors /
     * complaints filed in the period × 100;</li>
     * <li>1.4, 3.5, 4.3, 4.5: not available ({@link #UNAVAILABLE}).</li>
     * </ul>
     */
    static List<Indicator> decision766(Counts c, Feedback feedback) {
        List<Indicator> list = new ArrayList<>();
        list.add(UNAVAILABLE.get(0));
        long handled = c.finished() + c.inProgress();
        list.add(Indicator.of("2.1", "onTimeRate", onTimeRate(c),
                c.finishedEarly() + c.finishedOnTime() + c.inProgressNotDue() + c.inProgressDueSoon(), handled));
        list.add(Indicator.of("2.2", "averageHandlingDays", c.timed() == 0 ? null
                : BigDecimal.valueOf(c.handlingMinutes()).divide(BigDecimal.valueOf(c.timed() * 480L), 2,
                        RoundingMode.HALF_UP), c.handlingMinutes(), c.timed()));
        list.add(Indicator.of("3.3", "onlineShare766", percent(c.onlineCounted(), c.received()), c.onlineCounted(),
                c.received()));
        list.add(UNAVAILABLE.get(1));
        list.add(Indicator.of("4.1", "electronicResults", percent(c.electronicResults(), c.withResult()),
                c.electronicResults(), c.withResult()));
        list.add(Indicator.of("4.2", "digitisation", percent(c.digitised(), c.received()), c.digitised(),
                c.received()));
        list.add(UNAVAILABLE.get(2));
        list.add(UNAVAILABLE.get(3));
        list.add(Indicator.of("5.1", "feedbackHandled", percent(feedback.handled(), feedback.complaints()),
                feedback.handled(), feedback.complaints()));
        list.add(Indicator.of("5.4", "satisfaction", satisfaction(c), c.finishedLate() + c.inProgressOverdue()
                + c.dissatisfied(), handled));
        return list;
    }

    /** 100 − (late / handled + dissatisfied / received) × 100, two decimals; null when nothing was handled. */
    static BigDecimal satisfaction(Counts c) {
        long handled = c.finished() + c.inProgress();
        if (handled == 0 || c.received() == 0) {
            return null;
        }
        BigDecimal late = BigDecimal.valueOf(c.finishedLate() + c.inProgressOverdue())
                .divide(BigDecimal.valueOf(handled), 12, RoundingMode.HALF_UP);
        BigDecimal unhappy = BigDecimal.valueOf(c.dissatisfied()).divide(BigDecimal.valueOf(c.received()), 12,
                RoundingMode.HALF_UP);
        return HUNDRED.subtract(late.add(unhappy).multiply(HUNDRED)).setScale(2, RoundingMode.HALF_UP);
    }

    /** (finished early + on time + in progress not due + due soon) / (finished + in progress) × 100. */
    public static BigDecimal onTimeRate(Counts c) {
        return percent(c.finishedEarly() + c.finishedOnTime() + c.inProgressNotDue() + c.inProgressDueSoon(),
                c.finished() + c.inProgress());
    }

    /** Received online / received × 100. */
    public static BigDecimal onlineShare(Counts c) {
        return percent(c.receivedOnline(), c.received());
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
