package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.Api;
import vn.motcua.Committed;
import vn.motcua.MotcuaTest;

/**
 * The working calendar over HTTP: the public days off and due dates, and the administrators' changes.
 * Changes use dates of 2031, far from the dates other tests of the shared context compute with, and
 * are undone afterwards.
 */
@MotcuaTest
class CalendarApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableApplicationContext context;
    @Autowired WorkingCalendar calendar;
    @Autowired StoredCalendarDays storedDays;

    Api anonymous;
    Api admin;
    Api officer;
    final List<String> seen = new ArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<CalendarChanged>> listener = event -> seen.add(
            event.getPayload().dates() + " working=" + calendar.isWorkingDay(event.getPayload().dates().get(0))
                    + " tx=" + TransactionSynchronizationManager.isActualTransactionActive());

    @BeforeEach
    void clients() {
        anonymous = Api.at(port);
        admin = anonymous.as("demo", "demo");
        officer = anonymous.as("chuyenvien.taichinh", "demo");
        context.addApplicationListener(listener);
    }

    @AfterEach
    void cleanUp() {
        context.removeApplicationListener(listener);
        Committed.update(jdbc, "delete from calendar_day where day_date >= ?", LocalDate.of(2031, 1, 1));
    }

    @Test
    void theShippedDaysAreImportedAndPublic() {
        Api.Response response = anonymous.get("/api/calendar/days?year=2025");
        assertThat(response.status()).isEqualTo(200);
        JsonNode days = response.json();
        assertThat(days).hasSize(13);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2025-01-01");
        assertThat(days.get(0).get("kind").asText()).isEqualTo("DAY_OFF");
        assertThat(days.get(0).get("name").asText()).isEqualTo("Tết Dương lịch");
        assertThat(days.get(0).has("changedBy")).isFalse();
        assertThat(find(days, "2025-04-26").get("kind").asText()).isEqualTo("WORKING_DAY");
        assertThat(find(days, "2025-01-29").get("name").asText()).isEqualTo("Tết Nguyên đán");
        assertThat(anonymous.get("/api/calendar/days?year=2026").json()).hasSize(15);
        assertThat(anonymous.get("/api/calendar/days?year=2024").json()).hasSize(13);
        // a year without an official schedule has only the provisional days of the Labour Code
        assertThat(anonymous.get("/api/calendar/days?year=2031").json()).isNotEmpty()
                .allSatisfy(day -> assertThat(day.get("provisional").asBoolean()).isTrue());
        assertThat(days).allSatisfy(day -> assertThat(day.get("provisional").asBoolean()).isFalse());
        // without a year: the current one
        int thisYear = LocalDate.ofInstant(calendar.now(), calendar.zone()).getYear();
        assertThat(anonymous.get("/api/calendar/days").json().size())
                .isEqualTo(anonymous.get("/api/calendar/days?year=" + thisYear).json().size());
        assertThat(jdbc.queryForObject("select changed_by from calendar_day where day_date = ?", String.class,
                LocalDate.of(2024, 5, 4))).isEqualTo(OfficialDaysImport.IMPORTED_BY);
    }

    @Test
    void theDueApiAnswersWhatTheTimersCompute() {
        // the hand-computed deadlines of OfficialCalendarTest, over HTTP
        assertThat(due("from=2025-01-24T16:00%2B07:00&workingDays=2")).isEqualTo("2025-02-04T16:00:00+07:00");
        assertThat(due("from=2025-01-24T15:30%2B07:00&workingDays=1&cutoff=15:00"))
                .isEqualTo("2025-02-03T17:00:00+07:00");
        assertThat(due("from=2025-01-24T14:00%2B07:00&workingHours=4")).isEqualTo("2025-02-03T08:00:00+07:00");
        assertThat(due("from=2026-02-13T10:00%2B07:00&workingDays=1")).isEqualTo("2026-02-23T10:00:00+07:00");
        assertThat(due("from=2026-02-13T15:05%2B07:00&workingDays=3&cutoff=15:00"))
                .isEqualTo("2026-02-25T17:00:00+07:00");
        assertThat(due("from=2026-02-12T12:00%2B07:00&workingHours=4")).isEqualTo("2026-02-13T07:30:00+07:00");
        assertThat(due("from=2024-05-03T09:00%2B07:00&workingDays=1")).isEqualTo("2024-05-04T09:00:00+07:00");
        // half an hour, and a start in UTC (02:00Z is 09:00 in Vietnam)
        assertThat(due("from=2026-02-13T09:00%2B07:00&workingHours=0.5")).isEqualTo("2026-02-13T09:30:00+07:00");
        assertThat(due("from=2026-02-13T02:00Z&workingHours=0.5")).isEqualTo("2026-02-13T09:30:00+07:00");
        assertThat(due("from=" + URLEncoder.encode("2026-02-13T16:00+07:00", StandardCharsets.UTF_8)
                + "&workingHours=4")).isEqualTo("2026-02-23T10:00:00+07:00");
    }

    @Test
    void theDueApiExplainsBadInputPerField() {
        assertThat(errors("/api/calendar/due?workingDays=2")).containsOnlyKeys("from")
                .containsValue("Thiếu thời điểm bắt đầu tính (from), ví dụ 2025-01-24T16:00+07:00.");
        assertThat(errors("/api/calendar/due?from=yesterday&workingDays=2")).containsOnlyKeys("from");
        assertThat(errors("/api/calendar/due?from=yesterday&workingDays=2").get("from")).contains("ISO-8601");
        // an unencoded + arrives as a space and is refused with a hint
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00+07:00&workingDays=2").get("from")).contains("%2B");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00").get("workingDays"))
                .contains("workingDays").contains("workingHours");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingDays=1&workingHours=4"))
                .containsOnlyKeys("workingDays");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingDays=0").get("workingDays"))
                .isEqualTo("Số ngày làm việc (workingDays) phải từ 1 đến 365.");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingDays=366")).containsKey("workingDays");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingDays=two")).containsKey("workingDays");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingHours=-1")).containsKey("workingHours");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingHours=0.01").get("workingHours"))
                .contains("phút");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingHours=3000")).containsKey("workingHours");
        assertThat(errors("/api/calendar/due?from=2026-02-13T16:00%2B07:00&workingDays=1&cutoff=3pm").get("cutoff"))
                .contains("HH:mm");
        assertThat(errors("/api/calendar/days?year=1999").get("year")).isEqualTo("Năm (year) phải từ 2000 đến 2100.");
        assertThat(errors("/api/calendar/days?year=abc").get("year")).contains("số nguyên");
    }

    @Test
    void onlyAdministratorsChangeTheDays() {
        Map<String, String> day = Map.of("kind", "DAY_OFF", "name", "Ngày Văn hóa Việt Nam");
        Api.Response anonymousPut = anonymous.put("/api/calendar/days/2031-11-24", day);
        assertThat(anonymousPut.status()).isEqualTo(401);
        assertThat(anonymousPut.contentType()).startsWith("application/problem+json");
        Api.Response officerPut = officer.put("/api/calendar/days/2031-11-24", day);
        assertThat(officerPut.status()).isEqualTo(403);
        assertThat(officerPut.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.delete("/api/calendar/days/2026-09-02").status()).isEqualTo(401);
        assertThat(officer.delete("/api/calendar/days/2026-09-02").status()).isEqualTo(403);
        assertThat(stored(anonymous.get("/api/calendar/days?year=2031").json())).isEmpty();
        assertThat(anonymous.get("/api/calendar/days?year=2026").json()).hasSize(15);
        assertThat(seen).isEmpty();
    }

    @Test
    void anAdministratorsNewDayOffMovesTheDueDateAtOnceAndIsAnnounced() {
        // Mon 3 Mar 2031 10:00 + 1 working day = Tue 4 Mar 10:00
        String query = "from=2031-03-03T10:00%2B07:00&workingDays=1";
        assertThat(due(query)).isEqualTo("2031-03-04T10:00:00+07:00");

        Api.Response put = admin.put("/api/calendar/days/2031-03-04", Map.of("kind", "DAY_OFF", "name", " Nghỉ bù "));
        assertThat(put.status()).isEqualTo(200);
        JsonNode stored = put.json();
        assertThat(stored.get("date").asText()).isEqualTo("2031-03-04");
        assertThat(stored.get("name").asText()).isEqualTo("Nghỉ bù");
        assertThat(stored.get("changedBy").asText()).isEqualTo("demo");
        assertThat(stored.get("changedAt").asText()).endsWith("+07:00");
        assertThat(due(query)).isEqualTo("2031-03-05T10:00:00+07:00");
        assertThat(seen).containsExactly("[2031-03-04] working=false tx=true");

        // a Saturday worked: Fri 7 Mar 16:00 + 1 day = 1 h Friday + 7 h on Saturday 8 Mar
        assertThat(admin.put("/api/calendar/days/2031-03-08", Map.of("kind", "WORKING_DAY", "name", "Làm bù"))
                .status()).isEqualTo(200);
        assertThat(due("from=2031-03-07T16:00%2B07:00&workingDays=1")).isEqualTo("2031-03-08T16:00:00+07:00");
        // replacing an entry keeps one row
        assertThat(admin.put("/api/calendar/days/2031-03-04", Map.of("kind", "DAY_OFF", "name", "Ngày nghỉ đột xuất"))
                .status()).isEqualTo(200);
        // 2031 has no official schedule: the administrator's entries stand beside its provisional days
        List<JsonNode> year = stored(anonymous.get("/api/calendar/days?year=2031").json());
        assertThat(year).hasSize(2);
        assertThat(year.get(0).get("date").asText()).isEqualTo("2031-03-04");
        assertThat(year.get(0).get("name").asText()).isEqualTo("Ngày nghỉ đột xuất");

        assertThat(admin.delete("/api/calendar/days/2031-03-04").status()).isEqualTo(204);
        assertThat(due(query)).isEqualTo("2031-03-04T10:00:00+07:00");
        assertThat(seen).last().isEqualTo("[2031-03-04] working=true tx=true");
        Api.Response again = admin.delete("/api/calendar/days/2031-03-04");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText())
                .isEqualTo("Ngày 2031-03-04 không có trong lịch ngày nghỉ, ngày làm bù.");
    }

    @Test
    void badChangesAreRefusedWithAMessagePerField() {
        Map<String, String> errors = errors(admin.put("/api/calendar/days/2031-03-04", Map.of("name", " ")));
        assertThat(errors).containsOnlyKeys("kind", "name");
        assertThat(errors.get("name")).startsWith("Tên ngày (name) không được để trống");
        assertThat(errors(admin.put("/api/calendar/days/2031-03-04", Map.of("kind", "HOLIDAY", "name", "x"))))
                .containsOnlyKeys("kind");
        assertThat(errors(admin.put("/api/calendar/days/2031-03-04", Map.of("kind", "DAY_OFF", "name", "x".repeat(201)))))
                .containsOnlyKeys("name");
        // a day off on a Saturday, a working day on a Tuesday: nothing would change
        assertThat(errors(admin.put("/api/calendar/days/2031-03-08", Map.of("kind", "DAY_OFF", "name", "Nghỉ"))).get("kind"))
                .contains("thứ Bảy hoặc Chủ nhật");
        assertThat(errors(admin.put("/api/calendar/days/2031-03-04", Map.of("kind", "WORKING_DAY", "name", "Làm bù")))
                .get("kind")).contains("ngày làm việc thường");
        assertThat(errors(admin.put("/api/calendar/days/2031-02-30", Map.of("kind", "DAY_OFF", "name", "x"))).get("date"))
                .contains("yyyy-MM-dd");
        Api.Response notJson = admin.put("/api/calendar/days/2031-03-04", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("Exception");
        assertThat(stored(anonymous.get("/api/calendar/days?year=2031").json())).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void aYearIsImportedOnlyWhileTheDatabaseHasNoOfficialScheduleForIt() {
        // an administrator removes a shipped day: a restart (a new import) keeps it removed
        assertThat(admin.delete("/api/calendar/days/2024-09-03").status()).isEqualTo(204);
        try {
            assertThat(storedDays.importOfficialDays()).isEmpty();
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 3))).isTrue();
            // a year the database has no official schedule for is imported whole, and announced; an entry an
            // administrator stored while the year was provisional is replaced
            Committed.update(jdbc, "delete from calendar_day where day_date between ? and ?", LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31));
            Committed.update(jdbc, "delete from calendar_year where year_number = 2024");
            storedDays.reload();
            assertThat(calendar.isProvisional(LocalDate.of(2024, 9, 3))).isTrue();
            assertThat(admin.put("/api/calendar/days/2024-11-25", Map.of("kind", "DAY_OFF", "name", "Nghỉ tạm"))
                    .status()).isEqualTo(200);
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 11, 25))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 15))).isFalse();
            seen.clear();
            assertThat(storedDays.importOfficialDays()).hasSize(13).contains(LocalDate.of(2024, 9, 3));
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 3))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 11, 25))).isTrue();
            // a provisional day the government did not give: Thu 15 Feb 2024 (compensation of Tết by the law alone)
            assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 15))).isTrue();
            assertThat(calendar.isProvisional(LocalDate.of(2024, 9, 3))).isFalse();
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).startsWith("[2024-01-01, 2024-02-08,").contains("2024-02-15").endsWith("tx=true");
        } finally {
            if (jdbc.queryForObject("select count(*) from calendar_year where year_number = 2024", Integer.class) == 0) {
                storedDays.importOfficialDays();
            }
            if (jdbc.queryForObject("select count(*) from calendar_day where day_date = ?", Integer.class,
                    LocalDate.of(2024, 9, 3)) == 0) {
                admin.put("/api/calendar/days/2024-09-03", Map.of("kind", "DAY_OFF", "name", "Quốc khánh (ngày liền kề)"));
            }
        }
        assertThat(anonymous.get("/api/calendar/days?year=2024").json()).hasSize(13);
    }

    /** The entries stored in the database (not the provisional days). */
    private static List<JsonNode> stored(JsonNode days) {
        List<JsonNode> stored = new ArrayList<>();
        days.forEach(day -> {
            if (!day.get("provisional").asBoolean()) {
                stored.add(day);
            }
        });
        return stored;
    }

    private String due(String query) {
        Api.Response response = anonymous.get("/api/calendar/due?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("due").asText();
    }

    private Map<String, String> errors(String path) {
        return errors(anonymous.get(path));
    }

    private static Map<String, String> errors(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.");
        assertThat(response.json().get("detail").asText()).isEqualTo(
                "Dữ liệu gửi lên không hợp lệ. Vui lòng sửa các trường được nêu.");
        Map<String, String> errors = new HashMap<>();
        response.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        return errors;
    }

    private static JsonNode find(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (day.get("date").asText().equals(date)) {
                return day;
            }
        }
        throw new AssertionError("no " + date + " in " + days);
    }
}
