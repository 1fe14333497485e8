package vn.motcua.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.report.EmulationScorecard.Figures;
import vn.motcua.report.EmulationScorecard.Officer;
import vn.motcua.report.EmulationScorecard.Score;

/**
 * The emulation scorecard (thi đua) of a quarter, as JSON and as a CSV file for Excel; staff only, confined as the
 * other reports ({@link ReportAccess}): a unit's officers and supervisors see their units, the city's supervisors
 * and administrators every unit. Without {@code quarter}, the current one.
 */
@RestController
@RequestMapping("/api/reports")
class EmulationController {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final List<String> COLUMNS = List.of("unitKey", "unitName", "userId", "name", "rank", "score",
            "onTimePoints", "sipasPoints", "escalationPoints", "reappointmentPoints", "complaintPoints", "steps", "early",
            "onTime", "late", "onTimeRate", "sipas", "sipasResponses", "complaintsUpheld", "escalations",
            "reappointments");

    private final EmulationScorecard scorecard;
    private final ReportAccess access;
    private final ReportProblems problems;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final StaffNames names;
    private final MessageSource messages;

    EmulationController(EmulationScorecard scorecard, ReportAccess access, ReportProblems problems, Catalog catalog,
            WorkingCalendar calendar, StaffNames names, MessageSource messages) {
        this.scorecard = scorecard;
        this.access = access;
        this.problems = problems;
        this.catalog = catalog;
        this.calendar = calendar;
        this.names = names;
        this.messages = messages;
    }

    /** The rule in force: the weights and points of {@code motcua.reports.emulation}. */
    record RuleJson(BigDecimal onTimeWeight, BigDecimal sipasWeight, BigDecimal escalationPoints,
            BigDecimal reappointmentPoints, BigDecimal complaintUpheldPoints, int minSteps) {
    }

    record ScoreJson(BigDecimal onTime, BigDecimal sipas, BigDecimal escalations, BigDecimal reappointments,
            BigDecimal complaintsUpheld, BigDecimal total) {

        static ScoreJson of(Score s) {
            return new ScoreJson(s.onTime(), s.sipas(), s.escalations(), s.reappointments(), s.complaints(), s.total());
        }
    }

    record OfficerJson(String userId, String name, Integer rank, Figures figures, ScoreJson score) {
    }

    record UnitJson(String unit, String unitName, Figures figures, long unclaimedEscalations,
            long unclaimedReappointments, List<OfficerJson> officers) {
    }

    record ScorecardJson(String quarter, LocalDate from, LocalDate to, OffsetDateTime asOf, RuleJson rule,
            List<UnitJson> units) {
    }

    /** {@code GET /api/reports/emulation?quarter=2026-Q3[&unit=…]}. */
    @GetMapping("/emulation")
    ScorecardJson emulation(@RequestParam(required = false) String quarter,
            @RequestParam(required = false) String unit) {
        return compute(quarter, unit);
    }

    /** The same as a CSV file (UTF-8 with BOM, semicolons, decimal commas): a line per unit, then its officers. */
    @GetMapping("/emulation.csv")
    ResponseEntity<byte[]> emulationCsv(@RequestParam(required = false) String quarter,
            @RequestParam(required = false) String unit) {
        ScorecardJson card = compute(quarter, unit);
        List<List<String>> lines = new ArrayList<>();
        lines.add(COLUMNS.stream().map(c -> messages.getMessage("emulation.column." + c, null, VI)).toList());
        String wholeUnit = messages.getMessage("emulation.wholeUnit", null, VI);
        for (UnitJson u : card.units()) {
            lines.add(row(u.unit(), u.unitName(), "", wholeUnit, null, null, u.figures()));
            for (OfficerJson o : u.officers()) {
                lines.add(row(u.unit(), u.unitName(), o.userId(), o.name() == null ? "" : o.name(), o.rank(), o.score(),
                        o.figures()));
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ReportCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("thi-dua-" + card.quarter() + ".csv").build().toString())
                .body(ReportCsv.table(lines));
    }

    private ScorecardJson compute(String quarterText, String unit) {
        Quarter quarter;
        if (quarterText == null || quarterText.isBlank()) {
            quarter = Quarter.of(LocalDate.ofInstant(calendar.now(), calendar.zone()));
        } else {
            quarter = Quarter.parse(quarterText);
            if (quarter == null) {
                throw problems.invalid("quarter", "emulation.quarter.invalid", Quarter.FIRST_YEAR, Quarter.LAST_YEAR);
            }
        }
        Set<String> units = access.units(unit);
        ReportPeriod period = new ReportPeriod(quarter.firstDay(), quarter.lastDay(), calendar);
        Map<String, String> unitNames = catalog.units().stream()
                .collect(Collectors.toMap(Unit::getKey, Unit::getName, (a, b) -> a));
        List<EmulationScorecard.Unit> result = scorecard.compute(units, units == null ? Set.of() : units,
                period.start(period.from()), period.end());
        Collection<String> userIds = result.stream().flatMap(u -> u.officers().stream()).map(Officer::userId)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> fullNames = userIds.isEmpty() ? Map.of() : names.fullNames(userIds);
        EmulationProperties rule = scorecard.rule();
        return new ScorecardJson(quarter.toString(), period.from(), period.to(),
                period.asOf().atZone(calendar.zone()).toOffsetDateTime(),
                new RuleJson(rule.onTimeWeight(), rule.sipasWeight(), rule.escalationPoints(), rule.reappointmentPoints(),
                        rule.complaintUpheldPoints(), rule.minSteps()),
                result.stream().map(u -> new UnitJson(u.unitKey(), unitNames.getOrDefault(u.unitKey(), u.unitKey()),
                        u.figures(), u.unclaimedEscalations(), u.unclaimedReappointments(),
                        u.officers().stream().map(o -> new OfficerJson(o.userId(), fullNames.get(o.userId()), o.rank(),
                                o.figures(), ScoreJson.of(o.score()))).toList())).toList());
    }

    private static List<String> row(String unitKey, String unitName, String userId, String name, Integer rank,
            ScoreJson score, Figures f) {
        List<String> cells = new ArrayList<>(List.of(text(unitKey), text(unitName), text(userId), text(name),
                rank == null ? "" : rank.toString()));
        for (BigDecimal part : score == null ? new BigDecimal[6] : new BigDecimal[] {score.total(), score.onTime(),
                score.sipas(), score.escalations(), score.reappointments(), score.complaintsUpheld()}) {
            cells.add(ReportCsv.decimal(part));
        }
        for (long n : new long[] {f.steps(), f.early(), f.onTime(), f.late()}) {
            cells.add(Long.toString(n));
        }
        cells.add(ReportCsv.decimal(f.onTimeRate()));
        cells.add(ReportCsv.decimal(f.sipas()));
        for (long n : new long[] {f.sipasResponses(), f.complaintsUpheld(), f.escalations(), f.reappointments()}) {
            cells.add(Long.toString(n));
        }
        return cells;
    }

    /** Text that a spreadsheet would run as a formula, quoted with a leading apostrophe. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
