package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.deadline.Deadlines;
import vn.motcua.dossier.Dossiers;
import vn.motcua.engine.Driver;

/**
 * A year without an official schedule (2027, not announced as of December 2026) has the Labour Code's
 * days off, marked provisional wherever they show; entering the official schedule replaces them and moves
 * a real dossier's open deadlines: its appointment, its step's due date, its task's due and follow-up dates,
 * its timers. The "official 2027 schedule" entered here is a test fixture (not an announcement): Tết from
 * Thursday 4 to Friday 12 February with Saturday 30 January worked.
 */
@MotcuaTest
class ProvisionalCalendarTest {

    /** Household business registration at UBND phường Thuận Hóa: 3 working days (appraisal 16 h, approval 4 h, return 4 h). */
    static final String HOUSEHOLD_BUSINESS = "1.001612";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Deadlines deadlines;
    @Autowired ManagementService management;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcTemplate jdbc;
    @Autowired MailServer mail;

    Api anonymous;
    Api admin;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as("demo", "demo");
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
        if (jdbc.queryForObject("select count(*) from calendar_year where year_number = 2027", Integer.class) > 0) {
            assertThat(admin.delete("/api/calendar/years/2027").status()).isEqualTo(204);
        }
    }

    @Test
    void theDaysOff2027HasByTheLabourCodeAreListedAsProvisional() {
        JsonNode days = anonymous.get("/api/calendar/days?year=2027").json();
        assertThat(dates(days)).containsExactly("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
                "2027-02-11", "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03");
        assertThat(days).allSatisfy(day -> {
            assertThat(day.get("provisional").asBoolean()).isTrue();
            assertThat(day.get("kind").asText()).isEqualTo("DAY_OFF");
            assertThat(day.get("rule").asText()).startsWith("Bộ luật Lao động 2019, Điều 11");
        });
        // 30/4 Friday, 1/5 Saturday: Monday 3 May is off
        assertThat(find(days, "2027-05-03").get("name").asText())
                .isEqualTo("Nghỉ bù Ngày Quốc tế Lao động (thứ Bảy 01/05/2027)");
        assertThat(find(days, "2027-05-03").get("rule").asText()).contains("Điều 111 khoản 3");
        assertThat(find(days, "2027-04-16").get("name").asText()).isEqualTo("Giỗ Tổ Hùng Vương");
        assertThat(find(days, "2027-02-05").get("name").asText()).isEqualTo("Tết Nguyên đán (29 tháng Chạp)");
        // an announced year is not provisional and carries no rule
        JsonNode official = anonymous.get("/api/calendar/days?year=2026").json();
        assertThat(official).hasSize(15).allSatisfy(day -> {
            assertThat(day.get("provisional").asBoolean()).isFalse();
            assertThat(day.has("rule")).isFalse();
        });
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 4))).isTrue();
        assertThat(calendar.isProvisional(LocalDate.of(2027, 5, 4))).isTrue();
        assertThat(calendar.isProvisional(LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    void aDueDateOverNewYear2027SkipsTheProvisionalNewYearsDay() {
        // Thu 31 Dec 2026 10:00 + 1 working day: Fri 1 Jan 2027 is New Year's Day, Sat and Sun off -> Mon 4 Jan 10:00
        Api.Response due = anonymous.get("/api/calendar/due?from=2026-12-31T10:00%2B07:00&workingDays=1");
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.json().get("due").asText()).isEqualTo("2027-01-04T10:00:00+07:00");
    }

    @Test
    void administratorsAreWarnedOfTheProvisionalYear() {
        JsonNode years = admin.get("/api/calendar/years").json();
        JsonNode y2027 = year(years, 2027);
        assertThat(y2027.get("official").asBoolean()).isFalse();
        assertThat(y2027.get("provisionalDays").asInt()).isEqualTo(11);
        assertThat(y2027.get("warning").asText()).startsWith("Năm 2027 chưa có lịch nghỉ chính thức")
                .contains("PUT /api/calendar/years/2027");
        JsonNode y2026 = year(years, 2026);
        assertThat(y2026.get("official").asBoolean()).isTrue();
        assertThat(y2026.get("source").asText()).isEqualTo("official-days.yml");
        assertThat(y2026.has("warning")).isFalse();
        // the years' status and their changes are for administrators only
        assertThat(anonymous.get("/api/calendar/years").status()).isEqualTo(401);
        Api officer = anonymous.as("chuyenvien.thuanhoa", "demo");
        assertThat(officer.get("/api/calendar/years").status()).isEqualTo(403);
        assertThat(officer.put("/api/calendar/years/2027", official2027()).status()).isEqualTo(403);
        assertThat(anonymous.put("/api/calendar/years/2027", official2027()).status()).isEqualTo(401);
        assertThat(officer.delete("/api/calendar/years/2026").status()).isEqualTo(403);
        assertThat(year(admin.get("/api/calendar/years").json(), 2027).get("official").asBoolean()).isFalse();
        // a provisional day cannot be deleted on its own
        Api.Response delete = admin.delete("/api/calendar/days/2027-05-03");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.json().get("detail").asText()).contains("ngày nghỉ dự kiến").contains("PUT /api/calendar/years/2027");
    }

    @Test
    void aBadOfficialScheduleIsRefusedPerFieldAndChangesNothing() {
        Map<String, Object> bad = Map.of("source", " ", "days", List.of(
                Map.of("date", "2028-01-03", "kind", "DAY_OFF", "name", "Năm khác"),
                Map.of("date", "2027-02-06", "kind", "DAY_OFF", "name", "Thứ Bảy"),
                Map.of("date", "2027-02-08", "kind", "DAY_OFF", "name", "Tết"),
                Map.of("date", "2027-02-08", "kind", "DAY_OFF", "name", "Tết lần hai")));
        Api.Response response = admin.put("/api/calendar/years/2027", bad);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).containsOnlyKeys("source");
        response = admin.put("/api/calendar/years/2027", Map.of("source", "Thông báo", "days", bad.get("days")));
        assertThat(fields(response)).containsOnlyKeys("days[0].date", "days[1].kind", "days[3].date");
        assertThat(fields(response).get("days[0].date")).isEqualTo("Ngày 2028-01-03 không thuộc năm 2027.");
        assertThat(fields(response).get("days[3].date")).isEqualTo("Ngày 2027-02-08 được ghi hai lần.");
        assertThat(fields(admin.put("/api/calendar/years/2027", Map.of("source", "Thông báo", "days", List.of()))))
                .containsOnlyKeys("days");
        assertThat(fields(admin.put("/api/calendar/years/1999", official2027()))).containsOnlyKeys("year");
        assertThat(anonymous.get("/api/calendar/days?year=2027").json()).allSatisfy(
                day -> assertThat(day.get("provisional").asBoolean()).isTrue());
        assertThat(admin.delete("/api/calendar/years/2027").status()).isEqualTo(404);
    }

    @Test
    void theOfficialScheduleReplacesTheProvisionalDaysAndMovesTheOpenDeadlines() throws Exception {
        // received Wednesday 3 Feb 2027, 09:00, in the week before Tết
        clock("2027-02-03T09:00+07:00");
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);

        // provisional: Fri 5 Feb (29 Chạp) and Mon 8 – Thu 11 Feb off (Tết and its two compensatory days)
        // appointment, 24 h: Wed 6 h, Thu 4 Feb 8 h, Fri 12 Feb 8 h, Mon 15 Feb 2 h -> Mon 15 Feb 09:00
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2027-02-15T09:00+07:00"));
        // appraisal, 16 h: Wed 6 h, Thu 8 h, Fri 12 Feb 2 h -> Fri 12 Feb 09:00; due soon 4 h before: Thu 4 Feb 15:00
        assertThat(deadlines.openStep(code, "appraise").orElseThrow().getDueAt()).isEqualTo(at("2027-02-12T09:00+07:00"));
        assertThat(driver.task(code, "Task_appraise").getDueDate().toInstant()).isEqualTo(at("2027-02-12T09:00+07:00"));
        assertThat(driver.task(code, "Task_appraise").getFollowUpDate().toInstant())
                .isEqualTo(at("2027-02-04T15:00+07:00"));
        assertThat(driver.taskTimers(code, "Task_appraise")).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(at("2027-02-04T15:00+07:00"), at("2027-02-12T09:00+07:00"));
        // the appointment watch: one working day before Mon 15 Feb 09:00 -> Fri 12 Feb 09:00
        assertThat(watchTimer(code).getDuedate().toInstant()).isEqualTo(at("2027-02-12T09:00+07:00"));

        // marked: the staff view, the citizen's look-up, Form 01 and the receipt mail
        String notice = "Ngày hẹn được tính theo lịch nghỉ lễ, Tết dự kiến năm 2027 (Bộ luật Lao động 2019) vì lịch nghỉ"
                + " chính thức chưa được công bố; ngày hẹn có thể được điều chỉnh theo lịch nghỉ chính thức.";
        JsonNode view = admin.get("/api/dossiers/" + code).json();
        assertThat(view.get("appointmentDate").asText()).isEqualTo("2027-02-15T09:00:00+07:00");
        assertThat(view.get("appointmentProvisional").asBoolean()).isTrue();
        assertThat(view.get("appointmentNotice").asText()).isEqualTo(notice);
        JsonNode citizen = new ObjectMapper().readTree(citizen("GET", "/api/public/dossiers/" + code
                + "?idNumber=046190001234", null));
        assertThat(citizen.get("appointmentNotice").asText()).isEqualTo(notice);
        assertThat(citizen("POST", "/tra-cuu", "code=" + code + "&idNumber=046190001234"))
                .contains("Thứ Hai, 15/02/2027 09:00").contains(notice);
        assertThat(admin.get("/api/dossiers/" + code + "/documents/01").body()).contains(notice)
                .contains("Thứ Hai ngày 15/02/2027");
        driver.sendCitizenNotices(code);
        MimeMessage receipt = mail.single(code, "Đã tiếp nhận hồ sơ");
        assertThat(MailServer.body(receipt)).contains(notice);

        // the official schedule of 2027 is entered: Tết Thu 4 – Fri 12 Feb, Sat 30 Jan worked
        Api.Response entered = admin.put("/api/calendar/years/2027", official2027());
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        assertThat(entered.json().get("official").asBoolean()).isTrue();
        assertThat(entered.json().get("source").asText()).isEqualTo("Thông báo lịch nghỉ năm 2027 (dữ liệu kiểm thử)");
        assertThat(entered.json().get("enteredBy").asText()).isEqualTo("demo");
        assertThat(entered.json().has("warning")).isFalse();

        // appointment: Wed 6 h, Mon 15 Feb 8 h, Tue 16 Feb 8 h, Wed 17 Feb 2 h -> Wed 17 Feb 09:00
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2027-02-17T09:00+07:00"));
        // appraisal: Wed 6 h, Mon 15 Feb 8 h, Tue 16 Feb 2 h -> Tue 16 Feb 09:00; due soon: Mon 15 Feb 15:00
        assertThat(deadlines.openStep(code, "appraise").orElseThrow().getDueAt()).isEqualTo(at("2027-02-16T09:00+07:00"));
        assertThat(driver.task(code, "Task_appraise").getDueDate().toInstant()).isEqualTo(at("2027-02-16T09:00+07:00"));
        assertThat(driver.task(code, "Task_appraise").getFollowUpDate().toInstant())
                .isEqualTo(at("2027-02-15T15:00+07:00"));
        assertThat(driver.taskTimers(code, "Task_appraise")).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(at("2027-02-15T15:00+07:00"), at("2027-02-16T09:00+07:00"));
        assertThat(watchTimer(code).getDuedate().toInstant()).isEqualTo(at("2027-02-16T09:00+07:00"));
        // the history says the appointment moved with the calendar
        JsonNode moved = admin.get("/api/dossiers/" + code).json();
        assertThat(moved.get("appointmentProvisional").asBoolean()).isFalse();
        assertThat(moved.get("appointmentNotice").isNull()).isTrue();
        assertThat(notes(moved)).anyMatch(note -> note.contains("09:00 15/02/2027") && note.contains("09:00 17/02/2027"));
        assertThat(admin.get("/api/dossiers/" + code + "/documents/01").body()).doesNotContain(notice)
                .contains("Thứ Tư ngày 17/02/2027");

        // the year's days are the official ones, none provisional
        JsonNode days = anonymous.get("/api/calendar/days?year=2027").json();
        assertThat(dates(days)).contains("2027-01-30", "2027-02-04", "2027-02-12").doesNotContain("2027-05-03");
        assertThat(days).allSatisfy(day -> assertThat(day.get("provisional").asBoolean()).isFalse());
        assertThat(find(days, "2027-01-30").get("kind").asText()).isEqualTo("WORKING_DAY");
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).isTrue();
        assertThat(calendar.isProvisional(LocalDate.of(2027, 5, 3))).isFalse();
        assertThat(year(admin.get("/api/calendar/years").json(), 2027).get("official").asBoolean()).isTrue();

        // withdrawn again (entered for the wrong year, say): back to the provisional days and dates
        assertThat(admin.delete("/api/calendar/years/2027").status()).isEqualTo(204);
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2027-02-15T09:00+07:00"));
        assertThat(driver.task(code, "Task_appraise").getDueDate().toInstant()).isEqualTo(at("2027-02-12T09:00+07:00"));
        assertThat(anonymous.get("/api/calendar/days?year=2027").json()).hasSize(11);
    }

    /** A citizen's request, from an address of its own (the look-up is limited per address). */
    private String citizen(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", "198.19." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** A fictional official schedule of 2027, for this test only. */
    private static Map<String, Object> official2027() {
        List<Map<String, String>> days = new ArrayList<>();
        days.add(Map.of("date", "2027-01-01", "kind", "DAY_OFF", "name", "Tết Dương lịch"));
        days.add(Map.of("date", "2027-01-30", "kind", "WORKING_DAY", "name", "Làm bù cho thứ Năm 04/02/2027"));
        for (String d : List.of("2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
                "2027-02-12")) {
            days.add(Map.of("date", d, "kind", "DAY_OFF", "name", "Tết Nguyên đán"));
        }
        days.add(Map.of("date", "2027-04-16", "kind", "DAY_OFF", "name", "Giỗ Tổ Hùng Vương"));
        days.add(Map.of("date", "2027-04-30", "kind", "DAY_OFF", "name", "Ngày Giải phóng miền Nam"));
        days.add(Map.of("date", "2027-09-02", "kind", "DAY_OFF", "name", "Quốc khánh"));
        days.add(Map.of("date", "2027-09-03", "kind", "DAY_OFF", "name", "Quốc khánh (ngày liền kề)"));
        return Map.of("source", " Thông báo lịch nghỉ năm 2027 (dữ liệu kiểm thử) ", "days", days);
    }

    private Job watchTimer(String code) {
        ProcessInstance watch = driver.instance(code, "appointmentWatch");
        return management.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
    }

    private static List<String> dates(JsonNode days) {
        List<String> dates = new ArrayList<>();
        days.forEach(d -> dates.add(d.get("date").asText()));
        return dates;
    }

    private static List<String> notes(JsonNode view) {
        List<String> notes = new ArrayList<>();
        view.get("history").forEach(h -> notes.add(h.get("note").asText("")));
        return notes;
    }

    private static JsonNode find(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (day.get("date").asText().equals(date)) {
                return day;
            }
        }
        throw new AssertionError("no " + date + " in " + days);
    }

    private static JsonNode year(JsonNode years, int year) {
        for (JsonNode y : years) {
            if (y.get("year").asInt() == year) {
                return y;
            }
        }
        throw new AssertionError("no " + year + " in " + years);
    }

    private static Map<String, String> fields(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Map<String, String> errors = new java.util.HashMap<>();
        response.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        return errors;
    }
}
