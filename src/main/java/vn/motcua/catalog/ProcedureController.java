package vn.motcua.catalog;

import java.time.LocalTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/** The public list of procedures: what a citizen can file and what to bring. */
@RestController
@RequestMapping("/api/procedures")
class ProcedureController {

    private final Catalog catalog;

    ProcedureController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ProcedureJson> list() {
        return catalog.procedures().stream().map(ProcedureJson::of).toList();
    }

    @GetMapping("/{code}")
    ProcedureJson one(@PathVariable String code) {
        return catalog.procedure(code).map(ProcedureJson::of)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "catalog.procedure.notFound",
                        new Object[] {code}));
    }

    record UnitJson(String key, String code, String name, UnitLevel level) {
        static UnitJson of(Unit u) {
            return new UnitJson(u.getKey(), u.getCode(), u.getName(), u.getLevel());
        }
    }

    record ProcedureJson(String code, String name, String sector, UnitLevel level, UnitJson receivingUnit,
            List<UnitJson> handlingUnits, Integer statutoryDays, Integer statutoryHours,
            LocalTime afternoonCutoff, long fee, String feeNote, boolean online, String process,
            List<RequiredDocument> documents) {

        static ProcedureJson of(Procedure p) {
            return new ProcedureJson(p.getCode(), p.getName(), p.getSector(), p.getLevel(),
                    UnitJson.of(p.getReceivingUnit()),
                    p.getHandlingUnits().stream().map(UnitJson::of).toList(), p.getStatutoryTime().days(),
                    p.getStatutoryTime().hours(), p.getAfternoonCutoff(), p.getFee(), p.getFeeNote(),
                    p.isOnline(), p.getProcessKey(), p.getDocuments());
        }
    }
}
