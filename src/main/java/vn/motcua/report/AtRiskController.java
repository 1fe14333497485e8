package vn.motcua.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;

/**
 * The dossiers at risk of missing their appointment ({@link AtRiskForecast}), highest risk first. Staff only,
 * confined as the other reports ({@link ReportAccess}): a unit's officers see the dossiers their unit received or
 * holds now, the city's supervisors and administrators every unit's.
 */
@RestController
@RequestMapping("/api/reports")
class AtRiskController {

    /** One dossier's forecast. {@code risk} is 0–100 (%); {@code reason} joins {@code reasons}. */
    record AtRiskJson(String code, String procedureCode, String procedureName, String receivingUnit,
            String receivingUnitName, String applicantName, String holdingUnit, String holdingUnitName, String step,
            String stepName, String assignee, String group, OffsetDateTime appointmentAt, OffsetDateTime expectedAt,
            long workingMinutesLeft, int risk, boolean atRisk, Double queue, String reason, List<String> reasons) {
    }

    private final AtRiskForecast forecast;
    private final ReportAccess access;
    private final Catalog catalog;
    private final WorkingCalendar calendar;

    AtRiskController(AtRiskForecast forecast, ReportAccess access, Catalog catalog, WorkingCalendar calendar) {
        this.forecast = forecast;
        this.access = access;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    /**
     * The dossiers under way whose risk is at least {@code minRisk} (default the configured threshold; 0 lists every
     * dossier under way), highest risk first, at most {@code limit}; {@code X-Total-Count} tells how many in all,
     * {@code X-Risk-Threshold} the threshold.
     */
    @GetMapping("/at-risk")
    ResponseEntity<List<AtRiskJson>> atRisk(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @Min(value = 0, message = "{forecast.minRisk.range}")
            @Max(value = 100, message = "{forecast.minRisk.range}") Integer minRisk,
            @RequestParam(defaultValue = "200") @Min(value = 1, message = "{indicators.limit.range}")
            @Max(value = ReportController.MAX_LIMIT, message = "{indicators.limit.range}") int limit) {
        int from = minRisk == null ? forecast.threshold() : minRisk;
        List<AtRiskForecast.AtRisk> entries = forecast.forecast(access.units(unit),
                procedure == null || procedure.isBlank() ? null : procedure.strip()).entries().stream()
                .filter(e -> e.risk() >= from).toList();
        Map<String, String> names = catalog.units().stream()
                .collect(Collectors.toMap(Unit::getKey, Unit::getName, (a, b) -> a, TreeMap::new));
        List<AtRiskJson> rows = entries.stream().limit(limit).map(e -> new AtRiskJson(e.code(), e.procedureCode(),
                e.procedureName(), e.receivingUnit(), names.get(e.receivingUnit()), e.applicantName(), e.holdingUnit(),
                e.holdingUnit() == null ? null : names.get(e.holdingUnit()), e.step(), e.stepName(), e.assignee(),
                e.group(), at(e.appointmentAt()), at(e.expectedAt()), e.slackMinutes(), e.risk(), e.atRisk(), e.queue(),
                String.join("; ", e.reasons()), e.reasons())).toList();
        return ResponseEntity.ok().header("X-Total-Count", Integer.toString(entries.size()))
                .header("X-Risk-Threshold", Integer.toString(forecast.threshold())).body(rows);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
