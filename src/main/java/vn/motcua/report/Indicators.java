package vn.motcua.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.HandlingStatistics;
import vn.motcua.dossier.DossierStatistics;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.survey.SatisfactionReport;

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

    Indicators(DossierStatistics statistics, HandlingStatistics handling, SatisfactionReport satisfaction,
            Catalog catalog, WorkingCalendar calendar) {
        this.statistics = statistics;
        this.handling = handling;
        this.satisfaction = satisfaction;
        this.catalog = catalog;
        this.calendar = calendar;
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
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            DossierStatistics.Window window = new DossierStatistics.Window(filter, procedure, period.start(first),
                    period.start(last.plusDays(1)), asOf, dueSoonBy);
            Map<String, Counts> counts = by == Attribution.HANDLING ? handling.perHandlingUnit(window)
                    : statistics.perReceivingUnit(window);
            Counts monthly = Counts.ZERO;
            for (Map.Entry<String, Counts> unit : counts.entrySet()) {
                perUnit.merge(unit.getKey(), unit.getValue(), Counts::plus);
                monthly = monthly.plus(unit.getValue());
            }
            if (by == Attribution.HANDLING) {
                // a dossier of several agencies counts once in the month
                monthly = handling.handledBy(window);
            }
            perMonth.put(month, monthly);
            total = total.plus(monthly);
        }
        SatisfactionReport.SipasResult sipas = by == Attribution.HANDLING
                ? satisfaction.sipasOfHandled(filter, procedure, from, to)
                : satisfaction.sipas(filter, procedure, from, to);
        return new Report(filter, procedure, from, to, asOf, total, perUnit, perMonth, sipas.total(), sipas.perUnit());
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
            Map<String, SatisfactionReport.Sipas> sipasPerUnit) {
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
