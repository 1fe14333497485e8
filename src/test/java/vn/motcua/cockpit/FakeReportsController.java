package vn.motcua.cockpit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.Actors;

/**
 * Test only: fixed answers in the shape of the report API the Cockpit plugin reads ({@code GET
 * /api/reports/indicators} and {@code /api/reports/overdue}, built on another branch), under a path of its own,
 * {@value #PATH}, so that it never collides with the real controller once both are merged. It sits behind the
 * API's real security chain (a path under {@code /api/**}): Basic or the Cockpit session, 401 and 403 as
 * problem+json. Component scanning picks it up in the shared test context, like any test-source bean.
 *
 * <p>The city's supervisors and administrators see everything; anyone else gets 403. {@code unit=sotaichinh}
 * answers that unit's figures, no unit all the units'; the filter is echoed.
 */
@RestController
@RequestMapping(FakeReportsController.PATH)
class FakeReportsController {

    static final String PATH = "/api/test/reports";
    static final String FORBIDDEN_DETAIL = "Bạn chỉ xem được số liệu của đơn vị mình (dữ liệu giả của bài kiểm thử).";

    /** The query strings the indicators were asked with, latest last. */
    static final List<String> INDICATOR_QUERIES = new CopyOnWriteArrayList<>();
    /** Overdue dossiers a test adds in front of the fixed ones (e.g. with a real process instance). */
    static final List<JsonNode> EXTRA_OVERDUE = new CopyOnWriteArrayList<>();

    private final ObjectMapper json;

    FakeReportsController(ObjectMapper json) {
        this.json = json;
    }

    @GetMapping("/indicators")
    JsonNode indicators(@RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletRequest request) {
        checkCaller();
        INDICATOR_QUERIES.add(request.getQueryString() == null ? "" : request.getQueryString());
        ObjectNode report;
        if (unit == null || unit.isBlank()) {
            report = (ObjectNode) fixture("indicators.json");
        } else if (unit.equals("sotaichinh")) {
            report = (ObjectNode) fixture("indicators-sotaichinh.json");
        } else {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Dữ liệu giả chỉ có đơn vị sotaichinh.");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        ObjectNode filter = (ObjectNode) report.get("filter");
        if (procedure != null && !procedure.isBlank()) {
            filter.put("procedure", procedure);
        }
        if (from != null && !from.isBlank()) {
            filter.put("from", from);
        }
        if (to != null && !to.isBlank()) {
            filter.put("to", to);
        }
        return report;
    }

    @GetMapping("/overdue")
    JsonNode overdue(@RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
            @RequestParam(defaultValue = "100") int limit) {
        checkCaller();
        List<JsonNode> all = new ArrayList<>(EXTRA_OVERDUE);
        fixture("overdue.json").forEach(all::add);
        ArrayNode answer = json.createArrayNode();
        all.stream()
                .filter(d -> unit == null || unit.isBlank() || unit.equals(d.get("stepUnit").asText())
                        || unit.equals(d.get("receivingUnit").asText()))
                .filter(d -> procedure == null || procedure.isBlank() || procedure.equals(d.get("procedureCode").asText()))
                .limit(limit)
                .forEach(answer::add);
        return answer;
    }

    private static void checkCaller() {
        Set<String> groups = Actors.groups();
        if (!groups.contains("supervisors") && !groups.contains("camunda-admin")) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, FORBIDDEN_DETAIL), null);
        }
    }

    private JsonNode fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/cockpit/" + name)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
