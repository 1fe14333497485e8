package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The indicators, the step counts and the overdue list on dossiers with known outcomes, taken through
 * the real engine on the engine clock in March 2026 (no day off that month). Household business
 * registration (1.001612, UBND phường Thuận Hóa, 3 working days: appraisal 16 h, approval 4 h, return
 * 4 h); one enterprise registration (2.001610) received online at the city's centre.
 *
 * <pre>
 * A  received Mon 2 Mar 09:00, done Tue 3 10:00            finished early
 * B  received Mon 2 Mar 09:00, done Thu 5 08:30            finished on time (due Thu 5 09:00)
 * C  received Mon 2 Mar 09:00, done Thu 5 10:00            finished late
 * D  received Mon 2 Mar 09:00, re-appointed Wed 4, done Wed 4 10:00   late (re-appointed)
 * E  received Mon 2 Mar 09:00, two supplements, done Tue 3 09:00       late (two supplements)
 * F  filed Mon 9 Mar, refused at the counter                refused
 * G  received online Thu 19 Mar 09:00 (due Tue 24 09:00)    in progress, not due
 * H  received Tue 17 Mar 14:00 (due Fri 20 14:00)           in progress, due soon
 * I  received Mon 16 Mar 09:00 (due Thu 19 09:00)           in progress, overdue
 * J  received Wed 18 Mar 09:00, supplement asked 10:00      in progress, paused (not due)
 * K  2.001610 online at hcc, received Thu 19 Mar 09:00      in progress, not due
 * L  received Fri 27 Feb 09:00 (due Wed 4 Mar 09:00)       outside the period, overdue
 * </pre>
 * Looked at on Friday 20 March 2026, 10:00.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest {

    static final String HOUSEHOLD = "1.001612";
    static final String ENTERPRISE = "2.001610";
    static final String NOW = "2026-03-20T10:00+07:00";
    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Catalog catalog;
    @Autowired Dossiers dossiers;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    final Map<String, String> code = new LinkedHashMap<>();
    Api supervisor;

    @BeforeAll
    void seed() {
        supervisor = Api.at(port).as("giamsat.noivu", "demo");
        try {
            Staff.actAs("demo", "camunda-admin");
            for (String name : List.of("A", "B", "C", "D", "E")) {
                clock("2026-03-02T09:00+07:00");
                code.put(name, received(HOUSEHOLD, Channel.COUNTER));
            }
            assertThat(dossiers.require(code.get("A")).getDueAt()).isEqualTo(at("2026-03-05T09:00+07:00"));
            // A: appraised by the specialist and approved by the leader the next morning
            clock("2026-03-03T10:00+07:00");
            completeAs(code.get("A"), "Task_appraise", "chuyenvien.thuanhoa");
            completeAs(code.get("A"), "Task_approve", "lanhdao.thuanhoa");
            clock("2026-03-05T08:30+07:00");
            finish(code.get("B"));
            clock("2026-03-05T10:00+07:00");
            finish(code.get("C"));
            // D: at risk the day before its appointment, apologised for and re-appointed, then done early
            clock("2026-03-04T09:00+07:00");
            driver.execute(watchTimer(code.get("D")));
            tasks.complete(driver.task(code.get("D"), "Task_draftApology").getId(),
                    Map.of("reason", "Chờ xác minh địa điểm kinh doanh", "extensionDays", 2L));
            driver.complete(code.get("D"), "Task_approveApology", "APPROVE", null);
            clock("2026-03-04T10:00+07:00");
            finish(code.get("D"));
            // E: two supplements during appraisal, done early by the date
            clock("2026-03-02T10:00+07:00");
            driver.complete(code.get("E"), "Task_appraise", "SUPPLEMENT", "Bổ sung hợp đồng thuê");
            clock("2026-03-02T11:00+07:00");
            dossiers.supplementReceived(code.get("E"));
            clock("2026-03-02T14:00+07:00");
            driver.complete(code.get("E"), "Task_appraise", "SUPPLEMENT", "Bổ sung bản vẽ mặt bằng");
            clock("2026-03-02T15:00+07:00");
            dossiers.supplementReceived(code.get("E"));
            clock("2026-03-03T09:00+07:00");
            finish(code.get("E"));

            clock("2026-03-09T09:00+07:00");
            code.put("F", driver.intake(HOUSEHOLD));
            driver.complete(code.get("F"), "Task_receptionCheck", "REFUSE", "Ngành nghề không được kinh doanh");

            clock("2026-03-19T09:00+07:00");
            code.put("G", received(HOUSEHOLD, Channel.ONLINE));
            clock("2026-03-17T14:00+07:00");
            code.put("H", received(HOUSEHOLD, Channel.COUNTER));
            clock("2026-03-16T09:00+07:00");
            code.put("I", received(HOUSEHOLD, Channel.COUNTER));
            clock("2026-03-18T09:00+07:00");
            code.put("J", received(HOUSEHOLD, Channel.COUNTER));
            clock("2026-03-18T10:00+07:00");
            driver.complete(code.get("J"), "Task_appraise", "SUPPLEMENT", "Bổ sung giấy ủy quyền");
            clock("2026-03-19T09:00+07:00");
            code.put("K", received(ENTERPRISE, Channel.ONLINE));
            clock("2026-02-27T09:00+07:00");
            code.put("L", received(HOUSEHOLD, Channel.COUNTER));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        assertThat(dossiers.require(code.get("D")).getReappointments()).isEqualTo(1);
        assertThat(dossiers.require(code.get("E")).getSupplementRequests()).isEqualTo(2);
        assertThat(dossiers.require(code.get("H")).getDueAt()).isEqualTo(at("2026-03-20T14:00+07:00"));
        assertThat(dossiers.require(code.get("J")).isPaused()).isTrue();
    }

    @BeforeEach
    void friday() {
        clock(NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theCityHasEveryUnitsDossiersOfTheMonthAsOfNow() {
        JsonNode report = json(supervisor.get("/api/reports/indicators?" + MARCH));
        assertThat(report.get("filter").get("units").isNull()).isTrue();
        assertThat(report.get("filter").get("procedure").isNull()).isTrue();
        assertThat(report.get("filter").get("from").asText()).isEqualTo("2026-03-01");
        assertThat(report.get("filter").get("to").asText()).isEqualTo("2026-03-31");
        assertThat(report.get("asOf").asText()).isEqualTo("2026-03-20T10:00:00+07:00");
        assertThat(counts(report.get("total"))).containsExactly(
                entry("received", 10), entry("receivedOnline", 2), entry("receivedCounter", 8),
                entry("finishedEarly", 1), entry("finishedOnTime", 1), entry("finishedLate", 3),
                entry("inProgressNotDue", 3), entry("inProgressDueSoon", 1), entry("inProgressOverdue", 1),
                entry("paused", 1), entry("refused", 1), entry("reappointed", 1),
                entry("onTimeRate", "60.00"), entry("onlineShare", "20.00"));

        Map<String, JsonNode> units = byKey(report.get("perUnit"), "unit");
        // every unit is listed, by key, with its name
        // every unit of the catalog, by key, even with nothing to count
        assertThat(units.keySet()).containsExactlyElementsOf(catalog.units().stream().map(Unit::getKey).sorted().toList());
        JsonNode thuanHoa = units.get("phuongthuanhoa");
        assertThat(thuanHoa.get("unitName").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertThat(counts(thuanHoa)).containsExactly(
                entry("received", 9), entry("receivedOnline", 1), entry("receivedCounter", 8),
                entry("finishedEarly", 1), entry("finishedOnTime", 1), entry("finishedLate", 3),
                entry("inProgressNotDue", 2), entry("inProgressDueSoon", 1), entry("inProgressOverdue", 1),
                entry("paused", 1), entry("refused", 1), entry("reappointed", 1),
                entry("onTimeRate", "55.56"), entry("onlineShare", "11.11"));
        assertThat(counts(units.get("hcc"))).containsEntry("received", 1L).containsEntry("receivedOnline", 1L)
                .containsEntry("inProgressNotDue", 1L).containsEntry("onTimeRate", "100.00")
                .containsEntry("onlineShare", "100.00");
        // a unit without dossiers: zeros, and no rate to give
        assertThat(counts(units.get("sotuphap"))).containsEntry("received", 0L).containsEntry("onTimeRate", null)
                .containsEntry("onlineShare", null);

        assertThat(report.get("perMonth")).hasSize(1);
        assertThat(report.get("perMonth").get(0).get("month").asText()).isEqualTo("2026-03");
        assertThat(counts(report.get("perMonth").get(0))).isEqualTo(counts(report.get("total")));
        assertThat(report.get("sipas").isNull()).isTrue();
        assertThat(report.get("sipasResponses").asLong()).isZero();
    }

    @Test
    void theJsonKeepsTheContractsFieldOrder() {
        JsonNode report = json(supervisor.get("/api/reports/indicators?unit=hcc&" + MARCH));
        assertThat(fieldNames(report)).containsExactly("filter", "asOf", "total", "perUnit", "perMonth", "sipas",
                "sipasResponses", "decision766");
        assertThat(fieldNames(report.get("filter"))).containsExactly("units", "procedure", "from", "to", "by");
        List<String> counts = List.of("received", "receivedOnline", "receivedCounter", "finishedEarly", "finishedOnTime",
                "finishedLate", "inProgressNotDue", "inProgressDueSoon", "inProgressOverdue", "paused", "refused",
                "reappointed", "onTimeRate", "onlineShare");
        assertThat(fieldNames(report.get("total"))).containsExactlyElementsOf(counts);
        List<String> unit = new ArrayList<>(List.of("unit", "unitName"));
        unit.addAll(counts);
        assertThat(fieldNames(report.get("perUnit").get(0))).containsExactlyElementsOf(unit);
        List<String> month = new ArrayList<>(List.of("month"));
        month.addAll(counts);
        assertThat(fieldNames(report.get("perMonth").get(0))).containsExactlyElementsOf(month);
        assertThat(report.get("filter").get("units")).hasSize(1);
        assertThat(report.get("filter").get("units").get(0).asText()).isEqualTo("hcc");
        assertThat(report.get("total").get("onTimeRate").isNumber()).isTrue();
        assertThat(report.get("total").get("onTimeRate").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void aPastPeriodIsLookedAtAsItStoodAtItsEnd() {
        // the first four days: A to E received; B and C finished only on Thursday 5, after the period
        JsonNode report = json(supervisor.get("/api/reports/indicators?unit=phuongthuanhoa&procedure=1.001612"
                + "&from=2026-03-01&to=2026-03-04"));
        assertThat(report.get("asOf").asText()).isEqualTo("2026-03-05T00:00:00+07:00");
        assertThat(report.get("filter").get("procedure").asText()).isEqualTo(HOUSEHOLD);
        assertThat(counts(report.get("total"))).containsExactly(
                entry("received", 5), entry("receivedOnline", 0), entry("receivedCounter", 5),
                entry("finishedEarly", 1), entry("finishedOnTime", 0), entry("finishedLate", 2),
                entry("inProgressNotDue", 0), entry("inProgressDueSoon", 2), entry("inProgressOverdue", 0),
                entry("paused", 0), entry("refused", 0), entry("reappointed", 1),
                entry("onTimeRate", "60.00"), entry("onlineShare", "0.00"));
    }

    @Test
    void perMonthSplitsAPeriodByTheMonthOfReception() {
        JsonNode report = json(supervisor.get("/api/reports/indicators?unit=phuongthuanhoa&procedure=1.001612"
                + "&from=2026-02-15&to=2026-03-31"));
        JsonNode months = report.get("perMonth");
        assertThat(months).hasSize(2);
        assertThat(months.get(0).get("month").asText()).isEqualTo("2026-02");
        // L, received on 27 February, is overdue now
        assertThat(months.get(0).get("received").asLong()).isEqualTo(1);
        assertThat(months.get(0).get("inProgressOverdue").asLong()).isEqualTo(1);
        assertThat(months.get(1).get("received").asLong()).isEqualTo(9);
        assertThat(report.get("total").get("received").asLong()).isEqualTo(10);
        assertThat(report.get("total").get("inProgressOverdue").asLong()).isEqualTo(2);
        // (1 + 1 + 2 + 1) / 10
        assertThat(report.get("total").get("onTimeRate").asText()).isEqualTo("50.00");
    }

    @Test
    void staffSeeTheirOwnUnitOnly() {
        Api anonymous = Api.at(port);
        Api.Response noLogin = anonymous.get("/api/reports/indicators");
        assertThat(noLogin.status()).isEqualTo(401);
        assertThat(noLogin.contentType()).startsWith("application/problem+json");

        Api ward = Api.at(port).as("giamsat.thuanhoa", "demo");
        JsonNode own = ward.get("/api/reports/indicators?" + MARCH).json();
        assertThat(own.get("filter").get("units").get(0).asText()).isEqualTo("phuongthuanhoa");
        assertThat(own.get("perUnit")).hasSize(1);
        assertThat(own.get("total").get("received").asLong()).isEqualTo(9);

        Api.Response other = ward.get("/api/reports/indicators?unit=hcc");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(Api.at(port).as("chuyenvien.taichinh", "demo").get("/api/reports/overdue?unit=phuongthuanhoa")
                .status()).isEqualTo(403);
        assertThat(ward.get("/api/reports/steps?unit=sotaichinh").status()).isEqualTo(403);
        // an officer of a unit sees it too
        assertThat(Api.at(port).as("chuyenvien.thuanhoa", "demo").get("/api/reports/indicators?unit=phuongthuanhoa")
                .status()).isEqualTo(200);
        assertThat(Api.at(port).as("demo", "demo").get("/api/reports/indicators?unit=hcc").status()).isEqualTo(200);

        Api.Response unknown = supervisor.get("/api/reports/indicators?unit=nowhere");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("unit");
        Api.Response backwards = supervisor.get("/api/reports/indicators?from=2026-03-31&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
        // a period longer than a year is answered; more than ten years is refused
        assertThat(supervisor.get("/api/reports/indicators?from=2025-01-01&to=2026-03-01").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/reports/indicators?from=2016-01-01&to=2026-03-01").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/reports/indicators?from=March").status()).isEqualTo(400);
    }

    @Test
    void withoutDatesTheCurrentMonth() {
        JsonNode report = supervisor.get("/api/reports/indicators?unit=phuongthuanhoa").json();
        assertThat(report.get("filter").get("from").asText()).isEqualTo("2026-03-01");
        assertThat(report.get("filter").get("to").asText()).isEqualTo("2026-03-31");
        JsonNode fromOnly = supervisor.get("/api/reports/indicators?unit=phuongthuanhoa&from=2026-03-10").json();
        assertThat(fromOnly.get("filter").get("to").asText()).isEqualTo("2026-03-31");
    }

    @Test
    void stepsCountEachUnitsHandoversByVerdict() {
        JsonNode steps = supervisor.get("/api/reports/steps?" + MARCH + "&procedure=1.001612").json();
        assertThat(steps.get("asOf").asText()).isEqualTo("2026-03-20T10:00:00+07:00");
        Map<String, JsonNode> units = byKey(steps.get("perUnit"), "unit");
        // reception checks of A-J early; appraisals: A, E early, B, C, D late, G-J open (H and I overdue, J paused
        // before its due); approvals of A-E on time; results of A-E waiting to be returned, overdue
        assertThat(stepCounts(units.get("phuongthuanhoa"))).containsExactly(
                entry("unitName", "UBND phường Thuận Hóa"), entry("early", 12L), entry("onTime", 5L), entry("late", 3L),
                entry("open", 9L), entry("openOverdue", 7L));
        assertThat(stepCounts(units.get("hcc"))).containsEntry("early", 0L).containsEntry("open", 0L);

        JsonNode officers = steps.get("perOfficer");
        assertThat(officers).hasSize(2);
        assertThat(officers.get(0).get("officer").asText()).isEqualTo("chuyenvien.thuanhoa");
        assertThat(officers.get(0).get("unit").asText()).isEqualTo("phuongthuanhoa");
        assertThat(officers.get(0).get("early").asLong()).isEqualTo(1);
        assertThat(officers.get(1).get("officer").asText()).isEqualTo("lanhdao.thuanhoa");
        assertThat(officers.get(1).get("onTime").asLong()).isEqualTo(1);

        // the enterprise registration: received at the centre, appraised at the Department of Finance
        JsonNode finance = Api.at(port).as("giamsat.taichinh", "demo").get("/api/reports/steps?" + MARCH).json();
        assertThat(finance.get("perUnit")).hasSize(1);
        assertThat(stepCounts(finance.get("perUnit").get(0))).containsEntry("unitName", "Sở Tài chính thành phố Huế")
                .containsEntry("open", 1L).containsEntry("openOverdue", 0L);
        JsonNode centre = supervisor.get("/api/reports/steps?unit=hcc&" + MARCH).json();
        assertThat(stepCounts(centre.get("perUnit").get(0))).containsEntry("early", 1L).containsEntry("open", 0L);
    }

    @Test
    void theOverdueListPutsTheLongestLateFirst() {
        Api.Response response = supervisor.get("/api/reports/overdue?unit=phuongthuanhoa&procedure=1.001612&limit=1000");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        response.json().forEach(row -> {
            if (code.containsValue(row.get("code").asText())) {
                mine.add(row);
            }
        });
        // L (its appraisal due Tue 3 Mar 09:00), the results of E, A, D, B, C waiting to be returned, I, H;
        // G is not due, J was not late when its clock stopped; F was refused, K is of another procedure
        assertThat(mine).extracting(row -> row.get("code").asText()).containsExactly(code.get("L"), code.get("E"),
                code.get("A"), code.get("D"), code.get("B"), code.get("C"), code.get("I"), code.get("H"));
        assertThat(mine).extracting(row -> row.get("overdueWorkingMinutes").asLong())
                .containsExactly(105L * 60, 101L * 60, 100L * 60, 92L * 60, 5130L, 84L * 60, 17L * 60, 6L * 60);
        assertThat(mine).extracting(row -> row.get("step").asText()).containsExactly("appraise", "returnResult",
                "returnResult", "returnResult", "returnResult", "returnResult", "appraise", "appraise");

        JsonNode overdue = mine.get(6);
        assertThat(overdue.get("procedureCode").asText()).isEqualTo(HOUSEHOLD);
        assertThat(overdue.get("procedureName").asText()).isEqualTo("Đăng ký thành lập hộ kinh doanh");
        assertThat(overdue.get("receivingUnit").asText()).isEqualTo("phuongthuanhoa");
        assertThat(overdue.get("applicantName").asText()).isEqualTo("Trần Thị Bình");
        assertThat(overdue.get("appointmentAt").asText()).isEqualTo("2026-03-19T09:00:00+07:00");
        assertThat(overdue.get("dueAt").asText()).isEqualTo("2026-03-19T09:00:00+07:00");
        assertThat(overdue.get("stepUnit").asText()).isEqualTo("phuongthuanhoa");
        assertThat(overdue.get("stepUnitName").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertThat(overdue.get("stepDueAt").asText()).isEqualTo("2026-03-18T09:00:00+07:00");
        assertThat(overdue.get("paused").asBoolean()).isFalse();
        assertThat(overdue.get("processInstanceId").asText()).isEqualTo(driver.lifecycle(code.get("I")).getId());

        long total = Long.parseLong(response.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isEqualTo(response.json().size());
        Api.Response two = supervisor.get("/api/reports/overdue?unit=phuongthuanhoa&procedure=1.001612&limit=2");
        assertThat(two.json()).hasSize(2);
        assertThat(two.headers().firstValue("X-Total-Count")).contains(Long.toString(total));
        assertThat(supervisor.get("/api/reports/overdue?limit=0").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/reports/overdue?limit=1001").json().get("errors").get(0).get("field").asText())
                .isEqualTo("limit");

        // a unit sees the dossiers it received or holds a step of; the centre's K is not late
        JsonNode centre = Api.at(port).as("giamsat.hcc", "demo").get("/api/reports/overdue").json();
        centre.forEach(row -> assertThat(row.get("code").asText()).isNotEqualTo(code.get("K")));
    }

    // --- helpers

    /** Files the dossier at the counter (or online) now and receives it. */
    private String received(String procedure, Channel channel) {
        String c = dossiers.intake(new IntakeRequest(procedure, channel,
                new IntakeRequest.ApplicantData("Trần Thị Bình", "046190001234", "0905123456", "binh@example.com",
                        "5 Hùng Vương, phường Thuận Hóa, Huế"), Map.of())).getCode();
        driver.complete(c, "Task_receptionCheck", "APPROVE", null);
        return c;
    }

    private void finish(String c) {
        driver.complete(c, "Task_appraise", "APPROVE", null);
        driver.complete(c, "Task_approve", "APPROVE", null);
    }

    private void completeAs(String c, String step, String officer) {
        String id = driver.task(c, step).getId();
        tasks.claim(id, officer);
        tasks.complete(id, Map.of("decision", "APPROVE"));
    }

    private Job watchTimer(String c) {
        return management.createJobQuery().processInstanceId(driver.instance(c, "appointmentWatch").getId()).timers()
                .singleResult();
    }

    /** The body as JSON, decimals as written (two decimals stay two). */
    static JsonNode json(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            return DECIMALS.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ObjectMapper DECIMALS = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    static Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value instanceof Integer i ? Long.valueOf(i) : value);
    }

    /** The counts of a JSON object in their order: integers as Long, rates as text (null when null). */
    static Map<String, Object> counts(JsonNode node) {
        Map<String, Object> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("unit") || field.getKey().equals("unitName") || field.getKey().equals("month")) {
                return;
            }
            JsonNode value = field.getValue();
            counts.put(field.getKey(), value.isNull() ? null : value.isIntegralNumber() ? value.asLong() : value.asText());
        });
        return counts;
    }

    static Map<String, Object> stepCounts(JsonNode node) {
        Map<String, Object> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("unit")) {
                counts.put(field.getKey(), field.getValue().isIntegralNumber() ? field.getValue().asLong()
                        : field.getValue().asText());
            }
        });
        return counts;
    }

    static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(item -> map.put(item.get(key).asText(), item));
        return map;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
