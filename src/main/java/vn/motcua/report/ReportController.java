package vn.motcua.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.OverdueDossiers;
import vn.motcua.deadline.OverdueDossiers.Overdue;
import vn.motcua.deadline.StepStatistics;
import vn.motcua.dossier.Actors;
import vn.motcua.report.ReportJson.CountsJson;

/**
 * The supervisors' reports: indicators (Decision 766), steps by verdict per unit and officer, the
 * overdue list, and the periodic report on demand. Staff only (the security configuration answers 401
 * to anyone else); {@link ReportAccess} decides which units a caller sees.
 *
 * <p>Periods are whole days in Asia/Ho_Chi_Minh, both ends included ({@code yyyy-MM-dd}); without
 * {@code from} and {@code to}, the current month; with one of them, the month around it (from the first
 * day of {@code to}'s month, or to the last day of {@code from}'s month). At most ten years ({@value #MAX_DAYS}
 * days).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    /** Ten years: this year beside last, or a decade's trend; a longer period is refused. */
    static final int MAX_DAYS = 3660;
    static final int MAX_LIMIT = 1000;

    private final Indicators indicators;
    private final StepStatistics steps;
    private final OverdueList overdue;
    private final PeriodicReports periodic;
    private final ReportAccess access;
    private final ReportProblems problems;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final IndicatorTexts texts;

    ReportController(Indicators indicators, StepStatistics steps, OverdueList overdue, PeriodicReports periodic,
            ReportAccess access, ReportProblems problems, Catalog catalog, WorkingCalendar calendar,
            IndicatorTexts texts) {
        this.texts = texts;
        this.indicators = indicators;
        this.steps = steps;
        this.overdue = overdue;
        this.periodic = periodic;
        this.access = access;
        this.problems = problems;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /**
     * The indicators of the dossiers received in the period, as of now (or the period's end when past),
     * in total, per unit and per month; see {@link Indicators} for the definitions. {@code by=receiving} (the
     * default) counts each dossier for the unit that received it, {@code by=handling} for each unit that handles
     * it; a unit's caller sees the dossiers its unit received, or handled, as asked.
     */
    @GetMapping("/indicators")
    ReportJson.IndicatorsJson indicators(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by) {
        Attribution attribution = attribution(by);
        Set<String> units = access.units(unit);
        ReportPeriod period = period(from, to);
        String procedureCode = procedure(procedure);
        Indicators.Report report = indicators.compute(attribution, units, procedureCode, period.from(), period.to());
        Map<String, String> names = unitNames();
        return new ReportJson.IndicatorsJson(filter(units, procedureCode, period, attribution), at(report.asOf()),
                CountsJson.of(report.total()),
                report.perUnit().entrySet().stream().map(e -> new ReportJson.UnitCounts(e.getKey(),
                        names.getOrDefault(e.getKey(), e.getKey()), CountsJson.of(e.getValue()))).toList(),
                report.perMonth().entrySet().stream().map(e -> new ReportJson.MonthCounts(e.getKey().toString(),
                        CountsJson.of(e.getValue()))).toList(),
                report.sipas().index(), report.sipas().responses(),
                new ReportJson.Decision766Json(texts.json(report.decision766()),
                        report.perUnit().keySet().stream().map(unitKey -> new ReportJson.UnitIndicators(unitKey,
                                names.getOrDefault(unitKey, unitKey), texts.json(report.decision766(unitKey))))
                                .toList()));
    }

    /**
     * The steps the units started in the period (their handovers, Form 06), as of now or the period's
     * end: ended early, on time, late; open, of which overdue. Per unit holding the step (for a unit's
     * caller, its own) and per officer who ended them.
     */
    @GetMapping("/steps")
    ReportJson.StepsJson steps(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Set<String> units = access.units(unit);
        ReportPeriod period = period(from, to);
        String procedureCode = procedure(procedure);
        Instant asOf = period.asOf();
        StepStatistics.Window window = new StepStatistics.Window(units, procedureCode, period.start(period.from()),
                period.end(), asOf);
        Map<String, StepStatistics.StepCounts> perUnit = new TreeMap<>();
        (units == null ? unitNames().keySet() : units).forEach(key -> perUnit.put(key, StepStatistics.StepCounts.ZERO));
        perUnit.putAll(steps.perUnit(window));
        Map<String, String> names = unitNames();
        return new ReportJson.StepsJson(filter(units, procedureCode, period, null), at(asOf),
                perUnit.entrySet().stream().map(e -> {
                    StepStatistics.StepCounts c = e.getValue();
                    return new ReportJson.StepUnit(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), c.early(),
                            c.onTime(), c.late(), c.open(), c.openOverdue());
                }).toList(),
                steps.perOfficer(window).entrySet().stream().map(e -> {
                    StepStatistics.StepCounts c = e.getValue();
                    String unitKey = e.getKey().unitKey();
                    return new ReportJson.StepOfficer(e.getKey().userId(), unitKey,
                            names.getOrDefault(unitKey, unitKey), c.early(), c.onTime(), c.late());
                }).toList());
    }

    /**
     * The dossiers running late now, the longest late first: a JSON array of at most {@code limit}
     * (default 200, at most 1000); the header {@code X-Total-Count} tells how many there are in all.
     * A unit's filter matches the unit that received the dossier or the unit holding its open step; with
     * {@code by=receiving} only the receiving unit, with {@code by=handling} only the units that hold or held one
     * of its handling steps.
     */
    @GetMapping("/overdue")
    ResponseEntity<List<ReportJson.OverdueJson>> overdue(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String procedure,
            @RequestParam(defaultValue = "200") @Min(value = 1, message = "{indicators.limit.range}")
            @Max(value = MAX_LIMIT, message = "{indicators.limit.range}") int limit,
            @RequestParam(required = false) String by) {
        OverdueDossiers.UnitMatch match = by == null || by.isBlank() ? OverdueDossiers.UnitMatch.RECEIVING_OR_HOLDING
                : attribution(by) == Attribution.HANDLING ? OverdueDossiers.UnitMatch.HANDLING
                : OverdueDossiers.UnitMatch.RECEIVING;
        Set<String> units = access.units(unit);
        OverdueList.Page page = overdue.list(units, match, procedure(procedure), limit);
        Map<String, String> names = unitNames();
        Map<String, String> procedures = catalog.procedures().stream()
                .collect(Collectors.toMap(Procedure::getCode, Procedure::getName));
        List<ReportJson.OverdueJson> rows = page.entries().stream().map(e -> {
            Overdue o = e.dossier();
            return new ReportJson.OverdueJson(o.code(), o.procedureCode(), procedures.get(o.procedureCode()),
                    o.receivingUnit(), names.get(o.receivingUnit()), o.applicantName(), at(o.appointmentAt()),
                    at(o.dueAt()), e.overdueWorkingMinutes(), o.pausedAt() != null, o.step(), o.stepUnit(),
                    o.stepUnit() == null ? null : names.get(o.stepUnit()), at(o.stepDueAt()), e.processInstanceId());
        }).toList();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(page.total())).body(rows);
    }

    /**
     * Runs the periodic report now, for a month (default the previous one) up to the current one: 202
     * with the process started. City supervisors and administrators only.
     */
    @PostMapping("/periodic")
    ResponseEntity<ReportJson.PeriodicJson> periodic(@RequestParam(required = false) YearMonth month) {
        if (!access.isCityWide()) {
            throw problems.status(HttpStatus.FORBIDDEN, "indicators.periodic.forbidden");
        }
        YearMonth current = YearMonth.from(calendar.now().atZone(calendar.zone()));
        YearMonth asked = month == null ? current.minusMonths(1) : month;
        if (asked.isAfter(current)) {
            throw problems.invalid("month", "indicators.month.future", current.toString());
        }
        if (periodic.recipients().isEmpty()) {
            throw problems.status(HttpStatus.CONFLICT, "indicators.periodic.noRecipients");
        }
        String instance = periodic.request(asked, Actors.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ReportJson.PeriodicJson(asked.toString(), instance, periodic.recipients()));
    }

    private ReportPeriod period(LocalDate from, LocalDate to) {
        LocalDate first = from;
        LocalDate last = to;
        if (first == null && last == null) {
            YearMonth month = YearMonth.from(calendar.now().atZone(calendar.zone()));
            first = month.atDay(1);
            last = month.atEndOfMonth();
        } else if (first == null) {
            first = last.withDayOfMonth(1);
        } else if (last == null) {
            last = YearMonth.from(first).atEndOfMonth();
        }
        if (last.isBefore(first)) {
            throw problems.invalid("to", "report.period.order");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw problems.invalid("to", "indicators.period.tooLong", MAX_DAYS);
        }
        return new ReportPeriod(first, last, calendar);
    }

    private Attribution attribution(String by) {
        Attribution attribution = Attribution.parse(by);
        if (attribution == null) {
            throw problems.invalid("by", "indicators.by.unknown");
        }
        return attribution;
    }

    private static String procedure(String procedure) {
        return procedure == null || procedure.isBlank() ? null : procedure.strip();
    }

    private static ReportJson.Filter filter(Set<String> units, String procedure, ReportPeriod period,
            Attribution by) {
        return new ReportJson.Filter(units == null ? null : units.stream().sorted().toList(), procedure,
                period.from(), period.to(), by == null ? null : by.value());
    }

    private Map<String, String> unitNames() {
        return catalog.units().stream().collect(Collectors.toMap(Unit::getKey, Unit::getName, (a, b) -> a,
                TreeMap::new));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
