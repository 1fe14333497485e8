package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.text.PlainTexts;

/**
 * The public list of procedures: what a citizen can file and what to bring, and what the catalog holds
 * (time unit, internal process, handling units, whether a set is interconnected).
 *
 * <p>{@code GET /api/procedures} filters with {@code q} (words of the name or the code, with or without
 * diacritics), {@code sector}, {@code unit} (receives or handles), {@code receivingUnit}, {@code level} and
 * {@code online}. Without {@code page} and {@code size} it answers the plain array of every match, as it
 * always did; with either of them, one page: {@code {"items": [...], "page", "size", "totalItems",
 * "totalPages"}} ({@code page} from 0, {@code size} 1 to 100, default 20).
 */
@RestController
@RequestMapping("/api/procedures")
class ProcedureController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_QUERY = 200;
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Catalog catalog;
    private final MessageSource messages;

    ProcedureController(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    Object list(@RequestParam(required = false) String q, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String receivingUnit,
            @RequestParam(required = false) UnitLevel level, @RequestParam(required = false) Boolean online,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        check("q", q);
        check("sector", sector);
        check("unit", unit);
        check("receivingUnit", receivingUnit);
        ProcedureQuery query = new ProcedureQuery(q, sector, unit, receivingUnit, level, online);
        if (page == null && size == null) {
            return catalog.search(query).stream().map(ProcedureJson::of).toList();
        }
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_PAGE_SIZE : size;
        if (p < 0) {
            throw invalid("page", "catalog.page.range");
        }
        if (s < 1 || s > Catalog.MAX_PAGE_SIZE) {
            throw invalid("size", "catalog.size.range", Catalog.MAX_PAGE_SIZE);
        }
        Page<Procedure> found = catalog.search(query, p, s);
        return new PageJson(found.getContent().stream().map(ProcedureJson::of).toList(), p, s,
                found.getTotalElements(), found.getTotalPages());
    }

    /** The sectors with their procedure counts and the receiving units with theirs: the choices of a filter. */
    @GetMapping("/facets")
    FacetsJson facets() {
        return new FacetsJson(
                catalog.sectors().entrySet().stream().map(e -> new SectorJson(e.getKey(), e.getValue())).toList(),
                catalog.receivingUnits().entrySet().stream()
                        .map(e -> new UnitCountJson(e.getKey().getKey(), e.getKey().getName(), e.getKey().getLevel(),
                                e.getValue()))
                        .toList());
    }

    @GetMapping("/{code}")
    ProcedureJson one(@PathVariable String code) {
        return catalog.procedure(code).map(ProcedureJson::of)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "catalog.procedure.notFound",
                        new Object[] {code}));
    }

    private void check(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_QUERY) {
            throw invalid(field, "catalog.query.size", MAX_QUERY);
        }
        PlainTexts.firstRefused(value, false).ifPresent(c -> {
            throw invalid(field, "catalog.query.character", PlainTexts.codePoint(c));
        });
    }

    private ErrorResponseException invalid(String field, String key, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.invalid", null, VI));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", messages.getMessage(key, args, VI))));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    record PageJson(List<ProcedureJson> items, int page, int size, long totalItems, int totalPages) {
    }

    record FacetsJson(List<SectorJson> sectors, List<UnitCountJson> receivingUnits) {
    }

    record SectorJson(String name, long procedures) {
    }

    record UnitCountJson(String key, String name, UnitLevel level, long procedures) {
    }

    record UnitJson(String key, String code, String name, UnitLevel level) {
        static UnitJson of(Unit u) {
            return new UnitJson(u.getKey(), u.getCode(), u.getName(), u.getLevel());
        }
    }

    /** A step of the internal process with its share of the statutory time (for calendar days: the nominal share). */
    record StepJson(String step, long workingMinutes, BigDecimal hours, String unit, String parallel) {
        static StepJson of(Procedure p, StepShare s) {
            return new StepJson(s.step(), s.workingMinutes(),
                    BigDecimal.valueOf(s.workingMinutes()).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros(),
                    p.unitOf(s).getKey(), s.parallel());
        }
    }

    /**
     * A procedure. {@code statutoryDays} and {@code statutoryHours} stay for callers of the first version
     * (null unless the time is in working days, respectively working hours); {@code statutoryUnit} and
     * {@code statutoryAmount} say it whatever the unit, {@code statutoryText} as a citizen reads it.
     */
    record ProcedureJson(String code, String name, String sector, UnitLevel level, UnitJson receivingUnit,
            List<UnitJson> handlingUnits, Integer statutoryDays, Integer statutoryHours, StatutoryUnit statutoryUnit,
            int statutoryAmount, String statutoryText, LocalTime afternoonCutoff, long fee, String feeNote,
            boolean online, String process, boolean interconnected, List<StepJson> steps, boolean defaultSteps,
            ProcedureSource source, Boolean verified, String sourceNote, Instant updatedAt,
            List<RequiredDocument> documents) {

        static ProcedureJson of(Procedure p) {
            StatutoryTime time = p.getStatutoryTime();
            return new ProcedureJson(p.getCode(), p.getName(), p.getSector(), p.getLevel(),
                    UnitJson.of(p.getReceivingUnit()), p.getHandlingUnits().stream().map(UnitJson::of).toList(),
                    time.days(), time.hours(), time.unit(), time.amount(), p.getStatutoryText(), p.effectiveCutoff(),
                    p.getFee(), p.getFeeNote(), p.isOnline(), p.getProcessKey(), p.isInterconnected(),
                    p.getSteps().stream().map(s -> StepJson.of(p, s)).toList(), p.isDefaultSteps(), p.getSource(),
                    p.getVerified(), p.getSourceNote(), p.getUpdatedAt(), p.getDocuments());
        }
    }
}
