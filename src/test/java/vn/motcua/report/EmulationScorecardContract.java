package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;
import vn.motcua.survey.Surveys;

/**
 * The emulation scorecard's contract (on H2 {@link EmulationScorecardTest}, on MariaDB
 * {@link MariaDbEmulationScorecardTest}): the scorecard over HTTP, against figures computed by hand from dossiers of known outcomes taken through
 * the real engine on the engine clock, each step claimed and completed by a named officer of UBND phường Thuận Hóa:
 * household business registration (1.001612): reception check (one working day), appraisal 16 h, approval 4 h,
 * return 4 h. All six are received on Monday 3 August 2026, 09:00 (2026-Q3, no day off that week), so every
 * reception check ends early (due Tue 09:00) and every appraisal is due Wednesday 5 August 09:00.
 *
 * <pre>
 * R = tiepnhan.thuanhoa  A = chuyenvien.thuanhoa  B = chuyenvien2.thuanhoa  L = lanhdao.thuanhoa
 * D1, D2  A appraises Mon 14:00 (early), L approves Mon 15:00 (early, due Tue 08:00), R returns Tue 08:30 (on time,
 *         due Tue 09:00); surveys (5,4,2,2,1) with a complaint the supervisor upholds, and (5,5,5,4,4)
 * D3      B holds the appraisal; overdue, escalated Wed 09:05 (B's); B appraises Wed 10:00 (late); L approves Wed
 *         11:00 (on time, due Wed 16:00); R returns Wed 16:00 (on time, due Wed 17:00); survey (4,3,5,5,2)
 * D4      B holds the appraisal; at risk Wed 09:00, re-appointed (B's), escalated Wed 09:05 (B's); B appraises Thu
 *         10:00 (late)
 * D5      nobody claims the appraisal: escalated Wed 09:05 (the unit's alone); A appraises Wed 10:00 (late)
 * D6      B appraises Mon 14:00 (early)
 * </pre>
 *
 * By hand, with the default rule (weights 60/40, 5 points per escalation, 10 per re-appointment and per upheld
 * complaint; SIPAS = satisfied answers (4 or 5) / (5 × responses)):
 * <pre>
 *     steps  early on time late  on-time   SIPAS (surveys)      upheld esc. re-app.  score
 * R   9      6     3       0     100.00    10/15 = 66.67 (3)    1      0    0        60.00 + 26.67 − 10 = 76.67  rank 1
 * L   3      2     1       0     100.00    10/15 = 66.67 (3)    1      0    0        60.00 + 26.67 − 10 = 76.67  rank 1
 * A   3      2     0       1     66.67     7/10  = 70.00 (2)    1      0    0        40.00 + 28.00 − 10 = 58.00  rank 3
 * B   3      1     0       2     33.33     3/5   = 60.00 (1)    0      2    1        20.00 + 24.00 − 10 − 10 = 24.00  rank 4
 * unit 18    11    4       3     83.33     10/15 = 66.67 (3)    1      3 (1 unclaimed)  1
 * </pre>
 * R and L tie at 76.67 and share rank 1; R comes first (same on-time rate, more steps).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulationScorecardContract {

    static final String PROCEDURE = "1.001612";
    static final String UNIT = "phuongthuanhoa";
    static final String R = "tiepnhan.thuanhoa";
    static final String A = "chuyenvien.thuanhoa";
    static final String B = "chuyenvien2.thuanhoa";
    static final String L = "lanhdao.thuanhoa";
    static final String SUPERVISOR = "giamsat.thuanhoa";
    static final String Q3 = "/api/reports/emulation?quarter=2026-Q3";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Surveys surveys;

    final Map<String, String> code = new LinkedHashMap<>();
    Api api;

    @BeforeAll
    void quarter() {
        api = Api.at(port);
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2026-08-03T09:00+07:00");
            for (String d : List.of("D1", "D2", "D3", "D4", "D5", "D6")) {
                String c = driver.intake(PROCEDURE);
                code.put(d, c);
                complete(c, "Task_receptionCheck", R, Map.of("decision", "APPROVE"));
            }
            for (String d : List.of("D3", "D4", "D6")) {
                tasks.claim(driver.task(code.get(d), "Task_appraise").getId(), B);
            }
            clock("2026-08-03T14:00+07:00");
            complete(code.get("D1"), "Task_appraise", A, Map.of("decision", "APPROVE"));
            complete(code.get("D2"), "Task_appraise", A, Map.of("decision", "APPROVE"));
            complete(code.get("D6"), "Task_appraise", B, Map.of("decision", "APPROVE"));
            clock("2026-08-03T15:00+07:00");
            complete(code.get("D1"), "Task_approve", L, Map.of("decision", "APPROVE"));
            complete(code.get("D2"), "Task_approve", L, Map.of("decision", "APPROVE"));

            clock("2026-08-04T08:30+07:00");
            complete(code.get("D1"), "Task_returnResult", R, Map.of("returnMethod", "COUNTER"));
            complete(code.get("D2"), "Task_returnResult", R, Map.of("returnMethod", "COUNTER"));
            String d1 = link("D1");
            assertThat(api.post(d1, answer(5, 4, 2, 2, 1, 2)).status()).isEqualTo(201);
            assertThat(api.post(d1 + "/complaint", Map.of("text", "Cán bộ hướng dẫn không rõ ràng")).status())
                    .isEqualTo(201);
            assertThat(api.post(link("D2"), answer(5, 5, 5, 4, 4, 5)).status()).isEqualTo(201);
            driver.asyncJobs(code.get("D1"), "surveyComplaint").forEach(driver::execute);
            complete(code.get("D1"), "Task_handleComplaint", SUPERVISOR,
                    Map.of("decision", "UPHELD", "note", "Đã xác minh, nhắc nhở cán bộ."));

            // D4 at risk: B (holding the appraisal) drafts the apology, the supervisor approves the new appointment
            clock("2026-08-05T09:00+07:00");
            driver.execute(watchTimer(code.get("D4")));
            complete(code.get("D4"), "Task_draftApology", B,
                    Map.of("reason", "Chờ xác minh địa điểm kinh doanh", "extensionDays", 2L));
            complete(code.get("D4"), "Task_approveApology", SUPERVISOR, Map.of("decision", "APPROVE"));

            clock("2026-08-05T09:05+07:00");
            for (String d : List.of("D3", "D4", "D5")) {
                driver.execute(driver.taskTimers(code.get(d), "Task_appraise").get(1));
            }
            clock("2026-08-05T10:00+07:00");
            complete(code.get("D3"), "Task_appraise", B, Map.of("decision", "APPROVE"));
            complete(code.get("D5"), "Task_appraise", A, Map.of("decision", "APPROVE"));
            clock("2026-08-05T11:00+07:00");
            complete(code.get("D3"), "Task_approve", L, Map.of("decision", "APPROVE"));
            clock("2026-08-05T16:00+07:00");
            complete(code.get("D3"), "Task_returnResult", R, Map.of("returnMethod", "COUNTER"));
            assertThat(api.post(link("D3"), answer(4, 3, 5, 5, 2, 4)).status()).isEqualTo(201);

            clock("2026-08-06T10:00+07:00");
            complete(code.get("D4"), "Task_appraise", B, Map.of("decision", "APPROVE"));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theUnitsOfficersAreScoredAndRankedAsComputedByHand() {
        Api.Response response = api.as(SUPERVISOR, "demo").get(Q3);
        assertThat(response.status()).isEqualTo(200);
        JsonNode card = response.json();
        assertThat(card.get("quarter").asText()).isEqualTo("2026-Q3");
        assertThat(card.get("from").asText()).isEqualTo("2026-07-01");
        assertThat(card.get("to").asText()).isEqualTo("2026-09-30");
        assertThat(card.get("rule").get("onTimeWeight").decimalValue()).isEqualByComparingTo("60");
        assertThat(card.get("rule").get("minSteps").asInt()).isEqualTo(3);
        // a ward's supervisor sees the ward only
        assertThat(card.get("units")).hasSize(1);
        JsonNode unit = card.get("units").get(0);
        assertThat(unit.get("unit").asText()).isEqualTo(UNIT);
        assertThat(unit.get("unitName").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertFigures(unit.get("figures"), 18, 11, 4, 3, "83.33", "66.67", 3, 1, 3, 1);
        assertThat(unit.get("unclaimedEscalations").asLong()).isEqualTo(1);
        assertThat(unit.get("unclaimedReappointments").asLong()).isZero();

        JsonNode officers = unit.get("officers");
        assertThat(officers).extracting(o -> o.get("userId").asText()).containsExactly(R, L, A, B);
        assertThat(officers).extracting(o -> o.get("rank").asInt()).containsExactly(1, 1, 3, 4);
        assertThat(officers).extracting(o -> o.get("name").asText())
                .containsExactly("Ngô Thị Thu", "Đỗ Thị Hương", "Bùi Văn Nam", "Hồ Thị Sương");

        assertFigures(officers.get(0).get("figures"), 9, 6, 3, 0, "100.00", "66.67", 3, 1, 0, 0);
        assertScore(officers.get(0).get("score"), "60.00", "26.67", "0.00", "0.00", "-10.00", "76.67");
        assertFigures(officers.get(1).get("figures"), 3, 2, 1, 0, "100.00", "66.67", 3, 1, 0, 0);
        assertScore(officers.get(1).get("score"), "60.00", "26.67", "0.00", "0.00", "-10.00", "76.67");
        assertFigures(officers.get(2).get("figures"), 3, 2, 0, 1, "66.67", "70.00", 2, 1, 0, 0);
        assertScore(officers.get(2).get("score"), "40.00", "28.00", "0.00", "0.00", "-10.00", "58.00");
        assertFigures(officers.get(3).get("figures"), 3, 1, 0, 2, "33.33", "60.00", 1, 0, 2, 1);
        assertScore(officers.get(3).get("score"), "20.00", "24.00", "-10.00", "-10.00", "0.00", "24.00");
    }

    @Test
    void theCitySeesTheWardAndAnotherQuarterIsEmpty() {
        Api city = api.as("giamsat.noivu", "demo");
        JsonNode card = city.get(Q3).json();
        JsonNode ward = null;
        for (JsonNode unit : card.get("units")) {
            if (unit.get("unit").asText().equals(UNIT)) {
                ward = unit;
            }
        }
        assertThat(ward).isNotNull();
        assertThat(ward.get("figures").get("steps").asLong()).isEqualTo(18);
        JsonNode only = city.get(Q3 + "&unit=" + UNIT).json();
        assertThat(only.get("units")).hasSize(1);
        assertThat(only.get("units").get(0)).isEqualTo(ward);
        // the steps ended in August count in Q3, not in Q2
        JsonNode q2 = api.as(SUPERVISOR, "demo").get("/api/reports/emulation?quarter=2026-Q2").json();
        assertThat(q2.get("units").get(0).get("figures").get("steps").asLong()).isZero();
        assertThat(q2.get("units").get(0).get("officers")).isEmpty();
        // an officer of the ward sees the ward's scorecard too
        assertThat(api.as(A, "demo").get(Q3).json().get("units").get(0).get("unit").asText()).isEqualTo(UNIT);
    }

    @Test
    void anotherUnitsSupervisorSeesNothingOfTheWardAndStrangersAreRefused() {
        Api other = api.as("giamsat.phuxuan", "demo");
        JsonNode own = other.get(Q3).json();
        assertThat(own.get("units")).extracting(u -> u.get("unit").asText()).containsExactly("phuongphuxuan");
        assertThat(own.toString()).doesNotContain(UNIT).doesNotContain(A).doesNotContain(B);
        Api.Response refused = other.get(Q3 + "&unit=" + UNIT);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain(A);
        assertThat(other.get("/api/reports/emulation.csv?quarter=2026-Q3&unit=" + UNIT).status()).isEqualTo(403);
        assertThat(api.get(Q3).status()).isEqualTo(401);
        assertThat(api.get("/api/reports/emulation.csv?quarter=2026-Q3").status()).isEqualTo(401);
        assertThat(api.as(SUPERVISOR, "sai-mat-khau").get(Q3).status()).isEqualTo(401);
    }

    @Test
    void aBadQuarterIsAFieldErrorInVietnamese() {
        Api supervisor = api.as(SUPERVISOR, "demo");
        for (String bad : List.of("2026-Q5", "2026-Q0", "2026Q3", "Q3-2026", "2026-q3x", "1999-Q1", "2026-Q3%00",
                "%00", "2026-Q3'--", "9".repeat(5000))) {
            Api.Response response = supervisor.get("/api/reports/emulation?quarter=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).as(bad).startsWith("application/problem+json");
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("quarter");
            assertThat(error.get("message").asText()).contains("Quý không đúng dạng").contains("2026-Q3");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.motcua");
        }
        assertThat(supervisor.get("/api/reports/emulation.csv?quarter=2026-Q9").status()).isEqualTo(400);
        assertThat(supervisor.get(Q3 + "&unit=khongco").status()).isEqualTo(400);
    }

    @Test
    void theCsvHasTheSameFiguresForExcel() {
        Api.Download csv = api.as(SUPERVISOR, "demo").download("/api/reports/emulation.csv?quarter=2026-Q3", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.disposition()).contains("thi-dua-2026-Q3.csv");
        byte[] bytes = csv.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).hasSize(1 + 1 + 4);
        assertThat(lines.get(0)).startsWith("Mã đơn vị;Đơn vị;Tên đăng nhập;Họ và tên;Xếp hạng;Điểm;Điểm đúng hạn;"
                + "Điểm SIPAS;Trừ điểm quá hạn bị nhắc;Trừ điểm hẹn lại;Trừ điểm phản ánh có cơ sở;Số bước đã xử lý;");
        assertThat(lines.get(1)).isEqualTo(UNIT + ";UBND phường Thuận Hóa;;Cả đơn vị;;;;;;;;18;11;4;3;83,33;66,67;3;1;3;1");
        assertThat(lines.get(2)).isEqualTo(UNIT + ";UBND phường Thuận Hóa;" + R
                + ";Ngô Thị Thu;1;76,67;60,00;26,67;0,00;0,00;-10,00;9;6;3;0;100,00;66,67;3;1;0;0");
        assertThat(lines.get(5)).isEqualTo(UNIT + ";UBND phường Thuận Hóa;" + B
                + ";Hồ Thị Sương;4;24,00;20,00;24,00;-10,00;-10,00;0,00;3;1;0;2;33,33;60,00;1;0;2;1");
    }

    private static void assertFigures(JsonNode f, long steps, long early, long onTime, long late, String onTimeRate,
            String sipas, long responses, long upheld, long escalations, long reappointments) {
        assertThat(f.get("steps").asLong()).as("steps").isEqualTo(steps);
        assertThat(f.get("early").asLong()).as("early").isEqualTo(early);
        assertThat(f.get("onTime").asLong()).as("on time").isEqualTo(onTime);
        assertThat(f.get("late").asLong()).as("late").isEqualTo(late);
        assertThat(f.get("onTimeRate").decimalValue()).as("on-time rate").isEqualByComparingTo(onTimeRate);
        assertThat(f.get("sipas").decimalValue()).as("SIPAS").isEqualByComparingTo(sipas);
        assertThat(f.get("sipasResponses").asLong()).as("responses").isEqualTo(responses);
        assertThat(f.get("complaintsUpheld").asLong()).as("complaints upheld").isEqualTo(upheld);
        assertThat(f.get("escalations").asLong()).as("escalations").isEqualTo(escalations);
        assertThat(f.get("reappointments").asLong()).as("re-appointments").isEqualTo(reappointments);
    }

    private static void assertScore(JsonNode s, String onTime, String sipas, String escalations, String reappointments,
            String complaints, String total) {
        assertThat(s.get("onTime").decimalValue()).as("on-time points").isEqualByComparingTo(onTime);
        assertThat(s.get("sipas").decimalValue()).as("SIPAS points").isEqualByComparingTo(sipas);
        assertThat(s.get("escalations").decimalValue()).as("escalation points").isEqualByComparingTo(escalations);
        assertThat(s.get("reappointments").decimalValue()).as("re-appointment points")
                .isEqualByComparingTo(reappointments);
        assertThat(s.get("complaintsUpheld").decimalValue()).as("complaint points").isEqualByComparingTo(complaints);
        assertThat(s.get("total").decimalValue()).as("score").isEqualByComparingTo(total);
    }

    private void complete(String c, String step, String officer, Map<String, Object> variables) {
        String id = driver.task(c, step).getId();
        if (!officer.equals(tasks.createTaskQuery().taskId(id).singleResult().getAssignee())) {
            tasks.claim(id, officer);
        }
        tasks.complete(id, variables);
    }

    private String link(String dossier) {
        return "/api/public/surveys/" + surveys.invite(code.get(dossier)).token();
    }

    private Job watchTimer(String c) {
        return management.createJobQuery().processInstanceId(driver.instance(c, "appointmentWatch").getId()).timers()
                .singleResult();
    }

    private static Map<String, Object> answer(int access, int procedure, int officers, int result, int feedback,
            int overall) {
        return Map.of("answers", Map.of("access", access, "procedure", procedure, "officers", officers, "result",
                result, "feedback", feedback), "overall", overall);
    }
}
