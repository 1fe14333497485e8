package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;
import vn.motcua.survey.Surveys;

/**
 * The Decision 766 indicators over HTTP on dossiers of known outcomes, taken through the real engine on the engine
 * clock in September 2025 (days off 1–2 September, before them). Household business registration (1.001612, UBND
 * phường Thuận Hóa, 3 working days: appraisal 16 h, approval 4 h, return 4 h).
 *
 * <pre>
 * P  counter, received Mon 8 Sep 09:00, papers scanned 09:30, done Tue 9 10:00 (540 min), e-result Mon 15 10:00
 * Q  online,  received Mon 8 Sep 09:00, done Wed 10 09:00 (960 min), no e-result
 * R  online,  received Mon 8 Sep 09:00, done Tue 9 10:00 (540 min), e-result Tue 9 11:00, returned Tue 9 14:00;
 *    rated overall 1 with a complaint Wed 10 10:00; the complaint handled Mon 15 09:00
 * S  counter, received Tue 9 09:00 (due Fri 12 09:00), supplement asked Wed 10 09:00, brought Mon 15 09:00
 *    (stood 1,440 working minutes: due Wed 17 09:00)
 * W  counter, received Wed 10 09:00 (due Mon 15 09:00), supplement asked Mon 15 08:00, brought Tue 16 08:00
 *    (stood 480 min: due Tue 16 09:00)
 * </pre>
 * Looked at on Friday 19 September 2025, 10:00; and for 1–12 September, as the dossiers stood on Saturday 13, 00:00.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Decision766IndicatorsTest {

    static final String HOUSEHOLD = "1.001612";
    static final String NOW = "2025-09-19T10:00+07:00";
    static final byte[] PDF = "%PDF-1.4\n% giay chung nhan dang ky ho kinh doanh\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Surveys surveys;
    @Autowired TaskService tasks;

    final Map<String, String> code = new LinkedHashMap<>();
    Api supervisor;

    @BeforeAll
    void seed() {
        supervisor = Api.at(port).as("giamsat.noivu", "demo");
        Api specialist = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        Api citizen = Api.at(port);
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2025-09-08T09:00+07:00");
            code.put("P", received(Channel.COUNTER));
            code.put("Q", received(Channel.ONLINE));
            code.put("R", received(Channel.ONLINE));
            assertThat(dossiers.require(code.get("P")).getDueAt()).isEqualTo(at("2025-09-11T09:00+07:00"));
            clock("2025-09-08T09:30+07:00");
            dossiers.digitised(code.get("P"));
            clock("2025-09-09T09:00+07:00");
            code.put("S", received(Channel.COUNTER));
            clock("2025-09-09T10:00+07:00");
            finish(code.get("P"));
            finish(code.get("R"));
            clock("2025-09-09T11:00+07:00");
            assertThat(specialist.upload("/api/dossiers/" + code.get("R") + "/result", "file", "ket-qua.pdf",
                    "application/pdf", PDF).status()).isEqualTo(201);
            clock("2025-09-09T14:00+07:00");
            driver.complete(code.get("R"), "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));
            clock("2025-09-10T09:00+07:00");
            finish(code.get("Q"));
            code.put("W", received(Channel.COUNTER));
            driver.complete(code.get("S"), "Task_appraise", "SUPPLEMENT", "Bổ sung hợp đồng thuê nhà");
            clock("2025-09-10T10:00+07:00");
            String link = "/api/public/surveys/" + surveys.invite(code.get("R")).token();
            assertThat(citizen.post(link, Map.of("answers", Map.of("access", 2, "procedure", 1, "officers", 2,
                    "result", 1, "feedback", 1), "overall", 1)).status()).isEqualTo(201);
            assertThat(citizen.post(link + "/complaint", Map.of("text", "Chờ lâu, không được hướng dẫn")).status())
                    .isEqualTo(201);
            driver.asyncJobs(code.get("R"), "surveyComplaint").forEach(driver::execute);

            clock("2025-09-15T08:00+07:00");
            driver.complete(code.get("W"), "Task_appraise", "SUPPLEMENT", "Bổ sung bản vẽ mặt bằng");
            clock("2025-09-15T09:00+07:00");
            dossiers.supplementReceived(code.get("S"));
            String complaintTask = driver.task(code.get("R"), "Task_handleComplaint").getId();
            tasks.claim(complaintTask, "giamsat.thuanhoa");
            tasks.complete(complaintTask, Map.of("decision", "DISMISSED", "note", "Đã gọi điện xin lỗi và hướng dẫn công dân"));
            clock("2025-09-15T10:00+07:00");
            assertThat(specialist.upload("/api/dossiers/" + code.get("P") + "/result", "file", "ket-qua.pdf",
                    "application/pdf", PDF).status()).isEqualTo(201);
            clock("2025-09-16T08:00+07:00");
            dossiers.supplementReceived(code.get("W"));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        assertThat(dossiers.require(code.get("S")).getDueAt()).isEqualTo(at("2025-09-17T09:00+07:00"));
        assertThat(dossiers.require(code.get("W")).getDueAt()).isEqualTo(at("2025-09-16T09:00+07:00"));
        assertThat(dossiers.require(code.get("Q")).getHandlingMinutes()).isEqualTo(960L);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theMonthAsOfNowHasEachIndicatorOfTheDecision() {
        clock(NOW);
        JsonNode report = IndicatorsTest.json(supervisor.get(
                "/api/reports/indicators?unit=phuongthuanhoa&procedure=1.001612&from=2025-09-01&to=2025-09-30"));
        // P, Q, R early; S overdue since Wed 17 09:00, W since Tue 16 09:00
        assertThat(IndicatorsTest.counts(report.get("total"))).containsEntry("received", 5L)
                .containsEntry("finishedEarly", 3L).containsEntry("inProgressOverdue", 2L).containsEntry("paused", 0L);
        Map<String, JsonNode> indicators = indicators(report.get("decision766").get("total"));
        assertThat(indicators.keySet()).containsExactly("1.4", "2.1", "2.2", "3.3", "3.5", "4.1", "4.2", "4.3",
                "4.5", "5.1", "5.4");
        assertIndicator(indicators.get("2.1"), "60.00", 3, 5);
        // (540 + 960 + 540) / 3 = 680 working minutes = 1.4167 working days of 8 hours
        assertIndicator(indicators.get("2.2"), "1.42", 2040, 3);
        assertThat(indicators.get("2.2").get("unit").asText()).isEqualTo("ngày làm việc");
        // online: Q has a paper result and no electronic one; R has its electronic result
        assertIndicator(indicators.get("3.3"), "20.00", 1, 5);
        // of the three with a result, P and R have an electronic one
        assertIndicator(indicators.get("4.1"), "66.67", 2, 3);
        // Q and R online, P scanned at the counter
        assertIndicator(indicators.get("4.2"), "60.00", 3, 5);
        assertIndicator(indicators.get("5.1"), "100.00", 1, 1);
        // 100 - (2 late of 5 + 1 dissatisfied of 5) x 100
        assertIndicator(indicators.get("5.4"), "40.00", 3, 5);
        for (String missing : new String[] {"1.4", "3.5", "4.3", "4.5"}) {
            JsonNode indicator = indicators.get(missing);
            assertThat(indicator.get("available").asBoolean()).as(missing).isFalse();
            assertThat(indicator.get("value").isNull()).as(missing).isTrue();
            assertThat(indicator.get("reason").asText()).as(missing).startsWith("Chưa có: hệ thống chưa");
        }
        assertThat(indicators.get("3.5").get("name").asText()).isEqualTo("Tỷ lệ hồ sơ thanh toán trực tuyến");

        JsonNode unit = report.get("decision766").get("perUnit").get(0);
        assertThat(unit.get("unit").asText()).isEqualTo("phuongthuanhoa");
        assertThat(indicators(unit.get("indicators")).get("4.1").get("value").asText()).isEqualTo("66.67");
    }

    @Test
    void aPastPeriodCountsPausesResultsAndComplaintsAsTheyStoodThen() {
        clock(NOW);
        JsonNode report = IndicatorsTest.json(supervisor.get(
                "/api/reports/indicators?unit=phuongthuanhoa&procedure=1.001612&from=2025-09-01&to=2025-09-12"));
        assertThat(report.get("asOf").asText()).isEqualTo("2025-09-13T00:00:00+07:00");
        // S stood for its supplement then, before its due (Fri 12 09:00 then); W was due Mon 15 09:00 then, within a
        // working day of Saturday 00:00 (its later stop moved its due to Tue 16)
        assertThat(IndicatorsTest.counts(report.get("total"))).containsEntry("received", 5L)
                .containsEntry("finishedEarly", 3L).containsEntry("inProgressNotDue", 1L)
                .containsEntry("inProgressDueSoon", 1L).containsEntry("inProgressOverdue", 0L)
                .containsEntry("paused", 1L).containsEntry("onTimeRate", "100.00");
        Map<String, JsonNode> indicators = indicators(report.get("decision766").get("total"));
        // P's electronic result came on Mon 15 only
        assertIndicator(indicators.get("4.1"), "33.33", 1, 3);
        assertIndicator(indicators.get("3.3"), "20.00", 1, 5);
        // the complaint was not handled yet
        assertIndicator(indicators.get("5.1"), "0.00", 0, 1);
        // 100 - (0 late + 1 dissatisfied of 5) x 100
        assertIndicator(indicators.get("5.4"), "80.00", 1, 5);
    }

    @Test
    void aUnitsSupervisorSeesItsOwnUnitsIndicatorsOnly() {
        clock(NOW);
        Api ward = Api.at(port).as("giamsat.thuanhoa", "demo");
        JsonNode own = IndicatorsTest.json(ward.get("/api/reports/indicators?from=2025-09-01&to=2025-09-30"));
        assertThat(own.get("decision766").get("perUnit")).hasSize(1);
        assertThat(own.get("decision766").get("perUnit").get(0).get("unit").asText()).isEqualTo("phuongthuanhoa");
        Api.Response other = ward.get("/api/reports/indicators?unit=hcc&from=2025-09-01&to=2025-09-30");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(Api.at(port).get("/api/reports/indicators?from=2025-09-01&to=2025-09-30").status()).isEqualTo(401);
        // by handling unit the ward handled its own dossiers: the same indicators
        JsonNode handled = IndicatorsTest.json(supervisor.get("/api/reports/indicators?by=handling&unit=phuongthuanhoa"
                + "&procedure=1.001612&from=2025-09-01&to=2025-09-30"));
        Map<String, JsonNode> indicators = indicators(handled.get("decision766").get("total"));
        assertIndicator(indicators.get("4.1"), "66.67", 2, 3);
        assertIndicator(indicators.get("5.1"), "100.00", 1, 1);
        assertIndicator(indicators.get("5.4"), "40.00", 3, 5);
    }

    @Test
    void aPeriodOfTwoYearsIsAnsweredAndTenYearsAtMost() {
        clock(NOW);
        JsonNode twoYears = IndicatorsTest.json(supervisor.get(
                "/api/reports/indicators?unit=phuongthuanhoa&procedure=1.001612&from=2024-10-01&to=2026-09-30"));
        assertThat(twoYears.get("perMonth")).hasSize(24);
        assertThat(twoYears.get("perMonth").get(11).get("month").asText()).isEqualTo("2025-09");
        assertThat(twoYears.get("perMonth").get(11).get("received").asLong()).isEqualTo(5);
        Api.Response tooLong = supervisor.get("/api/reports/indicators?from=2015-01-01&to=2025-09-30");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    // --- helpers

    private String received(Channel channel) {
        String c = dossiers.intake(new IntakeRequest(HOUSEHOLD, channel,
                new IntakeRequest.ApplicantData("Phan Thị Mai", "046190005678", "0905123789", "mai@example.com",
                        "20 Lê Lợi, phường Thuận Hóa, Huế"), Map.of())).getCode();
        driver.complete(c, "Task_receptionCheck", "APPROVE", null);
        return c;
    }

    private void finish(String c) {
        driver.complete(c, "Task_appraise", "APPROVE", null);
        driver.complete(c, "Task_approve", "APPROVE", null);
    }

    private static Map<String, JsonNode> indicators(JsonNode array) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(i -> map.put(i.get("code").asText(), i));
        return map;
    }

    private static void assertIndicator(JsonNode indicator, String value, long numerator, long denominator) {
        assertThat(indicator.get("available").asBoolean()).isTrue();
        assertThat(indicator.get("value").asText()).as(indicator.get("code").asText()).isEqualTo(value);
        assertThat(indicator.get("numerator").asLong()).as(indicator.get("code").asText()).isEqualTo(numerator);
        assertThat(indicator.get("denominator").asLong()).as(indicator.get("code").asText()).isEqualTo(denominator);
        assertThat(indicator.get("reason").isNull()).isTrue();
    }
}
