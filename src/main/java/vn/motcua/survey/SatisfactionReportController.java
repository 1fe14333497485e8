package vn.motcua.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Actors;

/**
 * The satisfaction report for staff. The city's supervisors and administrators see every unit; any
 * other officer sees the units they hold a role in (the surveys of dossiers received there), and
 * asking for another unit is 403.
 */
@RestController
class SatisfactionReportController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final SatisfactionReport report;
    private final Catalog catalog;
    private final MessageSource messages;

    SatisfactionReportController(SatisfactionReport report, Catalog catalog, MessageSource messages) {
        this.report = report;
        this.catalog = catalog;
        this.messages = messages;
    }

    /**
     * @param unit      a unit key, or all the caller may see
     * @param procedure a procedure code, or all
     * @param from      the first invitation day (yyyy-MM-dd, in Asia/Ho_Chi_Minh), or from the start
     * @param to        the last invitation day, inclusive, or until now
     */
    @GetMapping("/api/reports/satisfaction")
    ReportJson satisfaction(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw invalid("to", "report.period.order");
        }
        Map<String, Unit> units = catalog.units().stream().collect(Collectors.toMap(Unit::getKey, u -> u));
        Set<String> visible = visibleUnits(Actors.groups(), units.keySet());
        Set<String> asked;
        if (unit != null && !unit.isBlank()) {
            if (!units.containsKey(unit)) {
                throw invalid("unit", "report.unit.unknown", unit);
            }
            if (visible != null && !visible.contains(unit)) {
                throw forbidden();
            }
            asked = Set.of(unit);
        } else {
            if (visible != null && visible.isEmpty()) {
                throw forbidden();
            }
            asked = visible;
        }
        String procedureCode = procedure == null || procedure.isBlank() ? null : procedure.strip();
        SatisfactionReport.Result result = report.compute(new SatisfactionReport.Filter(asked, procedureCode, from, to));
        Tally total = result.total();
        return new ReportJson(new FilterJson(asked == null ? null : asked.stream().sorted().toList(), procedureCode,
                from, to),
                total.invitations(), total.responses(), total.responseRate(), total.elements(), total.overallIndex(),
                total.sipas(), total.complaints(),
                result.perOfficer().entrySet().stream().map(e -> new OfficerJson(e.getKey(), e.getValue().invitations(),
                        e.getValue().responses(), e.getValue().sipas())).toList(),
                result.perUnit().entrySet().stream().map(e -> {
                    Tally t = e.getValue();
                    Unit u = units.get(e.getKey());
                    return new UnitJson(e.getKey(), u == null ? e.getKey() : u.getName(), t.invitations(), t.responses(),
                            t.responseRate(), t.elements(), t.overallIndex(), t.sipas(), t.complaints());
                }).toList());
    }

    /** The units the caller may see: null for all (city supervisors, administrators). */
    static Set<String> visibleUnits(Set<String> groups, Set<String> units) {
        if (groups.contains(Role.ADMIN_GROUP) || groups.contains(Role.CITY_SUPERVISORS_GROUP)) {
            return null;
        }
        return units.stream().filter(key -> Stream.of(Role.values()).map(r -> r.groupOf(key)).anyMatch(groups::contains))
                .collect(Collectors.toSet());
    }

    private ErrorResponseException invalid(String field, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.invalid", null, VI));
        problem.setProperty("errors", List.of(new FieldMessage(field, messages.getMessage(key, args, VI))));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException forbidden() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatus(HttpStatus.FORBIDDEN), null,
                "report.forbidden", null);
    }

    record FieldMessage(String field, String message) {
    }

    /** @param units the units counted, or null for all */
    record FilterJson(List<String> units, String procedure, LocalDate from, LocalDate to) {
    }

    /**
     * The report. Percentages have two decimals and are null when there is nothing to divide by.
     *
     * @param elements each SIPAS element's index: the share of responses satisfied or very satisfied
     * @param overall  the same share for the overall rating
     * @param sipas    the average of the five element indexes
     */
    record ReportJson(FilterJson filter, long invitations, long responses, BigDecimal responseRate,
            Map<String, BigDecimal> elements, BigDecimal overall, BigDecimal sipas, long complaints,
            List<OfficerJson> perOfficer, List<UnitJson> perUnit) {
    }

    /** The surveys of dossiers an officer handled (received at the counter, or ended one of their steps). */
    record OfficerJson(String officer, long invitations, long responses, BigDecimal sipas) {
    }

    record UnitJson(String unit, String unitName, long invitations, long responses, BigDecimal responseRate,
            Map<String, BigDecimal> elements, BigDecimal overall, BigDecimal sipas, long complaints) {
    }
}
