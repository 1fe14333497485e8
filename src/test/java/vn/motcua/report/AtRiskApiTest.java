package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.Committed;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.deadline.Deadlines;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IndicatorCounts;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The dossiers at risk over HTTP, their Tasklist filter and the supervisors' digest, on household business
 * registrations at UBND phường Thuận Hóa (1.001612, 3 working days: appraisal 16 h, approval 4 h, return 4 h),
 * looked at on Wednesday 2 October 2024, 10:00 (no day off that week).
 *
 * <p>The unit's history, written straight into the tables (August–September 2024): 40 appraisals, of which 20 took
 * half their share (1 working day), 10 their share (2 days), 6 one and a half (3 days) and 4 three times (6 days);
 * 40 approvals, each half its share (2 hours). Three dossiers under way, through the real engine:
 * <pre>
 * A  received Mon 29 Sep 09:00 (appointment Thu 2 Oct 09:00), still at appraisal: 17 working hours (2 days) spent,
 *    7 hours left. Only the 10 past appraisals longer than that count, and every one of them, with the approval,
 *    ends after the appointment: risk 100 %.
 * B  received Wed 1 Oct 08:00 (appointment Mon 6 Oct 08:00), at appraisal for 2 hours, 3 days left: only an
 *    appraisal of 6 days would make it late, 4 of the 41 past ones (C's adds one): about 10 %.
 * C  received Mon 29 Sep 09:00, appraised Tue 30 Sep 09:00, at approval since (1 day, 7 hours left; the approval
 *    takes 2 hours): 0 %.
 * D  as A; the filter test takes its appraisal to the end.
 * </pre>
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtRiskApiTest {

    static final String HOUSEHOLD = "1.001612";
    static final String NOW = "2024-10-02T10:00+07:00";
    static final String FILTER = "Có nguy cơ trễ hạn";

    @LocalServerPort int port;
    @Autowired IndicatorCounts indicatorCounts;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Deadlines deadlines;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkingCalendar calendar;
    @Autowired AtRiskForecast forecast;
    @Autowired MailServer mail;

    String a;
    String d;
    String b;
    String c;
    Api supervisor;

    @BeforeAll
    void seed() {
        supervisor = Api.at(port).as("giamsat.thuanhoa", "demo");
        history();
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2024-09-30T09:00+07:00");
            a = received();
            d = received();
            c = received();
            clock("2024-10-01T09:00+07:00");
            driver.complete(c, "Task_appraise", "APPROVE", null);
            clock("2024-10-02T08:00+07:00");
            b = received();
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        assertThat(dossiers.require(a).getAppointmentAt()).isEqualTo(at("2024-10-03T09:00+07:00"));
        assertThat(dossiers.require(b).getAppointmentAt()).isEqualTo(at("2024-10-07T08:00+07:00"));
        forecast.forgetDurations();
    }

    /** 40 appraisals and 40 approvals ended in August and September 2024, written into the tables. */
    private void history() {
        Instant first = at("2024-08-05T08:00+07:00");
        for (int k = 0; k < 40; k++) {
            String code = "LS-RUI-RO-" + k;
            double ratio = k < 20 ? 0.5 : k < 30 ? 1.0 : k < 36 ? 1.5 : 3.0;
            Instant start = calendar.addWorkingTime(first, k * 480L, null).toInstant();
            Instant appraised = calendar.addWorkingTime(start, Math.round(ratio * 960), null).toInstant();
            Instant approved = calendar.addWorkingTime(appraised, 120, null).toInstant();
            Committed.update(jdbc, "insert into dossier (code, procedure_code, receiving_unit, channel, status,"
                    + " applicant_full_name, applicant_id_number, applicant_phone, applicant_address, filed_at,"
                    + " filed_by, received_at, appointment_at, due_at, finished_at, returned_at, verdict, version)"
                    + " values (?, ?, 'phuongthuanhoa', 'COUNTER', 'RETURNED', 'Công dân lịch sử', '046190000000',"
                    + " '0905000000', 'Huế', ?, 'tiepnhan.thuanhoa', ?, ?, ?, ?, ?, 'ON_TIME', 0)", code, HOUSEHOLD,
                    ts(start), ts(start), ts(start.plusSeconds(86_400 * 3)), ts(start.plusSeconds(86_400 * 3)),
                    ts(approved), ts(approved));
            handover(code, "appraise", start, 960, appraised, "chuyenvien.thuanhoa");
            handover(code, "approve", appraised, 240, approved, "lanhdao.thuanhoa");
        }
        // dossiers loaded around the application: the indicators' daily counts are built again, as after any such load
        indicatorCounts.rebuild();
        assertThat(deadlines.handovers("LS-RUI-RO-0").get(0).getStartedAt()).isEqualTo(first);
        assertThat(deadlines.handovers("LS-RUI-RO-39").get(0).getEndedAt())
                .isEqualTo(calendar.addWorkingTime(first, 39 * 480L + 2880, null).toInstant());
    }

    private void handover(String code, String step, Instant start, long share, Instant end, String by) {
        Committed.update(jdbc, "insert into handover (dossier_code, step_key, unit_key, started_at, share_minutes, paused_minutes,"
                + " due_at, ended_at, ended_by, verdict) values (?, ?, 'phuongthuanhoa', ?, ?, 0, ?, ?, ?, 'ON_TIME')",
                code, step, ts(start), share, ts(calendar.addWorkingTime(start, share, null).toInstant()), ts(end), by);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private String received() {
        String code = dossiers.intake(new IntakeRequest(HOUSEHOLD, Channel.COUNTER,
                new IntakeRequest.ApplicantData("Lê Thị Rủi Ro", "046190004321", "0905111222", "ruiro@example.com",
                        "9 Lê Lợi, phường Thuận Hóa, Huế"), Map.of())).getCode();
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        return code;
    }

    @BeforeEach
    void wednesday() {
        clock(NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void theHighestRiskComesFirstWithItsReasonsInWords() {
        Api.Response response = supervisor.get("/api/reports/at-risk?minRisk=0&procedure=" + HOUSEHOLD);
        assertThat(response.status()).isEqualTo(200);
        List<String> order = codes(response.json());
        assertThat(order).containsSubsequence(a, b, c);
        JsonNode first = entry(response.json(), a);
        assertThat(first.get("risk").asInt()).isEqualTo(100);
        assertThat(first.get("atRisk").asBoolean()).isTrue();
        assertThat(first.get("step").asText()).isEqualTo("appraise");
        assertThat(first.get("stepName").asText()).isEqualTo("Thẩm định hồ sơ");
        assertThat(first.get("holdingUnit").asText()).isEqualTo("phuongthuanhoa");
        assertThat(first.get("holdingUnitName").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertThat(first.get("appointmentAt").asText()).isEqualTo("2024-10-03T09:00:00+07:00");
        assertThat(first.get("workingMinutesLeft").asLong()).isEqualTo(420);
        assertThat(first.get("reason").asText()).startsWith(
                "đang chờ ở bước Thẩm định hồ sơ 2 ngày, thường mất 1 ngày; còn 1 bước sau (Phê duyệt kết quả),"
                        + " thường mất 2 giờ").contains("còn 7 giờ làm việc đến ngày hẹn");
        assertThat(first.get("reasons").get(0).asText()).isEqualTo("đang chờ ở bước Thẩm định hồ sơ 2 ngày, thường mất 1 ngày");

        JsonNode second = entry(response.json(), b);
        // 4 of the 41 past appraisals took 6 days: about a tenth of the draws
        assertThat(second.get("risk").asInt()).isBetween(4, 18);
        assertThat(second.get("atRisk").asBoolean()).isFalse();
        assertThat(second.get("reason").asText()).startsWith("đang chờ ở bước Thẩm định hồ sơ 2 giờ, thường mất 1 ngày")
                .contains("còn 3 ngày làm việc đến ngày hẹn");

        JsonNode third = entry(response.json(), c);
        assertThat(third.get("risk").asInt()).isZero();
        assertThat(third.get("stepName").asText()).isEqualTo("Phê duyệt kết quả");
        assertThat(third.get("reason").asText()).startsWith("đang chờ ở bước Phê duyệt kết quả 1 ngày, thường mất 2 giờ")
                .doesNotContain("bước sau");
        assertThat(response.headers().firstValue("X-Risk-Threshold").orElse(null)).isEqualTo("50");

        // by default only those at risk (from the threshold, 50 %)
        List<String> atRisk = codes(supervisor.get("/api/reports/at-risk?procedure=" + HOUSEHOLD).json());
        assertThat(atRisk).contains(a).doesNotContain(b, c);
    }

    @Test
    void theDaysOffBeforeTheAppointmentAreNamedAmongTheReasons() {
        // received Tuesday 29 April 2025 08:00: 30/4, 1/5 and the swapped 2/5 are off, then the weekend; 3 working
        // days end on Wednesday 7 May 08:00
        String holiday;
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2025-04-29T08:00+07:00");
            holiday = received();
        } finally {
            Staff.clear();
        }
        assertThat(dossiers.require(holiday).getAppointmentAt()).isEqualTo(at("2025-05-07T08:00+07:00"));
        clock("2025-04-29T10:00+07:00");
        Api.Response response = Api.at(port).as("giamsat.noivu", "demo")
                .get("/api/reports/at-risk?minRisk=0&procedure=" + HOUSEHOLD);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode entry = entry(response.json(), holiday);
        assertThat(entry.get("reasons").toString()).contains("có 3 ngày nghỉ lễ trước ngày hẹn");
        // 17:00 on the 29th, all of 5 and 6 May, 07:00–08:00 on the 7th: 5 + 8 + 8 + 1 working hours
        assertThat(entry.get("workingMinutesLeft").asLong()).isEqualTo((5 + 8 + 8 + 1) * 60);
    }

    @Test
    void theQueueOfTheOfficerHoldingItIsCountedAsTheEngineCountsIt() {
        Task appraisal = driver.task(a, "Task_appraise");
        tasks.claim(appraisal.getId(), "chuyenvien2.thuanhoa");
        try {
            JsonNode entry = entry(supervisor.get("/api/reports/at-risk?minRisk=0&procedure=" + HOUSEHOLD).json(), a);
            long queue = tasks.createTaskQuery().taskAssignee("chuyenvien2.thuanhoa").active().count();
            long groupOpen = tasks.createTaskQuery().taskCandidateGroup("phuongthuanhoa_specialists")
                    .includeAssignedTasks().active().count();
            long members = identity.createUserQuery().memberOfGroup("phuongthuanhoa_specialists").count();
            assertThat(entry.get("assignee").asText()).isEqualTo("chuyenvien2.thuanhoa");
            assertThat(entry.get("group").asText()).isEqualTo("phuongthuanhoa_specialists");
            assertThat(entry.get("queue").asDouble()).isEqualTo((double) queue);
            double load = Math.pow(Math.max(0.5, Math.min(3, (double) queue / ((double) groupOpen / members))), 0.5);
            if (load > 1.1) {
                assertThat(entry.get("reason").asText()).contains("cán bộ chuyenvien2.thuanhoa đang giữ " + queue
                        + " việc chưa xong");
            } else {
                assertThat(entry.get("reason").asText()).doesNotContain("cán bộ chuyenvien2.thuanhoa");
            }
        } finally {
            tasks.setAssignee(appraisal.getId(), null);
        }
    }

    @Test
    void aUnitSeesOnlyItsOwnAndTheCityEveryUnits() {
        assertThat(codes(Api.at(port).as("chuyenvien.thuanhoa", "demo").get("/api/reports/at-risk?minRisk=0").json()))
                .contains(a, b, c);
        assertThat(codes(Api.at(port).as("giamsat.noivu", "demo").get("/api/reports/at-risk?minRisk=0").json()))
                .contains(a, b, c);
        Api other = Api.at(port).as("giamsat.phuxuan", "demo");
        assertThat(codes(other.get("/api/reports/at-risk?minRisk=0").json())).doesNotContain(a, b, c);
        Api.Response forbidden = other.get("/api/reports/at-risk?unit=phuongthuanhoa");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.body()).doesNotContain(a);
        assertThat(Api.at(port).get("/api/reports/at-risk").status()).isEqualTo(401);
        assertThat(Api.at(port).as("khong.co.ai", "sai-mat-khau").get("/api/reports/at-risk").status())
                .isEqualTo(401);
    }

    @Test
    void badInputIsAProblemInVietnamese() {
        for (String query : List.of("minRisk=101", "minRisk=-1", "limit=0", "limit=1001", "unit=khongco",
                "unit=%00", "minRisk=abc")) {
            Api.Response response = supervisor.get("/api/reports/at-risk?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.body()).as(query).doesNotContain("Exception", "at vn.");
        }
        assertThat(supervisor.get("/api/reports/at-risk?minRisk=101").body()).contains("Mức nguy cơ");
        String huge = "x".repeat(20_000);
        assertThat(supervisor.get("/api/reports/at-risk?procedure=" + huge).status()).isIn(200, 400, 414, 431);
        assertThat(supervisor.get("/api/reports/at-risk?procedure=" + huge).body()).doesNotContain("Exception");
        assertThat(supervisor.get("/api/reports/at-risk?limit=1&minRisk=0").json()).hasSize(1);
    }

    @Test
    void theTasklistFilterShowsTheTasksOfTheDossiersAtRiskUntilTheyAreNoLonger() {
        refreshTimer();
        Filter filter = filters.createTaskFilterQuery().filterName(FILTER).singleResult();
        assertThat(filter).isNotNull();
        Api officer = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        List<String> shown = taskCodes(officer, filter.getId());
        assertThat(shown).contains(a, d).doesNotContain(b, c);
        // the flag is the engine's: nobody writes it through the REST API
        ProcessInstance handling = driver.handling(a);
        assertThat(runtime.getVariable(handling.getId(), "atRisk")).isEqualTo(true);
        assertThat((String) runtime.getVariable(handling.getId(), "atRiskReason")).startsWith("100%: đang chờ ở bước");
        Api admin = Api.at(port).as("demo", "demo");
        assertThat(admin.put("/engine-rest/process-instance/" + handling.getId() + "/variables/atRisk",
                Map.of("value", false, "type", "Boolean")).status()).isEqualTo(403);
        // another unit's officer does not see them
        assertThat(taskCodes(Api.at(port).as("chuyenvien.phuxuan", "demo"), filter.getId())).doesNotContain(a);

        // D's appraisal is done: at approval it has time enough, and it leaves the filter at the next refresh
        ProcessInstance handlingD = driver.handling(d);
        assertThat(runtime.getVariable(handlingD.getId(), "atRisk")).isEqualTo(true);
        clock("2024-10-02T10:30+07:00");
        tasks.complete(driver.task(d, "Task_appraise").getId(), Map.of("decision", "APPROVE"));
        try {
            refreshTimer();
            assertThat(taskCodes(Api.at(port).as("lanhdao.thuanhoa", "demo"), filter.getId())).doesNotContain(d);
            assertThat(runtime.getVariable(handlingD.getId(), "atRisk")).isNull();
            assertThat(runtime.getVariable(handling.getId(), "atRisk")).isEqualTo(true);
        } finally {
            clock(NOW);
        }
    }

    @Test
    void theSupervisorsGetOneDigestADayWithTheDossiersAtRisk() throws Exception {
        int before = mail.to("giamsat.thuanhoa@motcua.test").size();
        int beforeCity = mail.to("giamsat.noivu@motcua.test").size();
        for (int run = 0; run < 2; run++) {
            Job daily = management.createJobQuery().processDefinitionKey("atRiskDigest").timers()
                    .activityId("StartEvent_daily").singleResult();
            management.executeJob(daily.getId());
            ProcessInstance digest = runtime.createProcessInstanceQuery().processDefinitionKey("atRiskDigest")
                    .processInstanceBusinessKey("2024-10-02").active().list().get(0);
            management.executeJob(management.createJobQuery().processInstanceId(digest.getId()).singleResult().getId());
        }
        List<MimeMessage> unit = mail.to("giamsat.thuanhoa@motcua.test");
        assertThat(unit).hasSize(before + 1);
        MimeMessage digest = unit.get(unit.size() - 1);
        assertThat(MailServer.subject(digest)).startsWith("UBND phường Thuận Hóa: ")
                .endsWith(" hồ sơ có nguy cơ trễ hẹn ngày 02/10/2024");
        String body = MailServer.body(digest);
        assertThat(body).contains(a, "Lê Thị Rủi Ro", "Thẩm định hồ sơ", "03/10/2024 09:00", "100%",
                "thường mất 1 ngày", "#/motcua/nguy-co-tre-han").doesNotContain(b, c);
        List<MimeMessage> city = mail.to("giamsat.noivu@motcua.test");
        assertThat(city).hasSize(beforeCity + 1);
        assertThat(MailServer.body(city.get(city.size() - 1))).contains(a);
        assertThat(mail.to("giamsat.phuxuan@motcua.test").stream().map(MailServer::subject).toList())
                .noneMatch(s -> s.contains("02/10/2024"));
    }

    private void refreshTimer() {
        Job refresh = management.createJobQuery().processDefinitionKey("atRiskFlags").timers()
                .activityId("StartEvent_refresh").singleResult();
        management.executeJob(refresh.getId());
    }

    /** The dossier codes of the tasks a user sees in a filter, through the engine REST API as Tasklist reads it. */
    private static List<String> taskCodes(Api user, String filterId) {
        Api.Response response = user.post("/engine-rest/filter/" + filterId + "/list", Map.of());
        assertThat(response.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode task : response.json()) {
            String instance = task.get("processInstanceId").asText();
            codes.add(instance);
        }
        return codes.stream().map(AtRiskApiTest::businessKeyOf).toList();
    }

    private static RuntimeService runtimeService;

    @Autowired
    void keep(RuntimeService runtime) {
        runtimeService = runtime;
    }

    private static String businessKeyOf(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(e -> codes.add(e.get("code").asText()));
        return codes;
    }

    private static JsonNode entry(JsonNode list, String code) {
        for (JsonNode e : list) {
            if (code.equals(e.get("code").asText())) {
                return e;
            }
        }
        throw new AssertionError(code + " not in " + list);
    }
}
