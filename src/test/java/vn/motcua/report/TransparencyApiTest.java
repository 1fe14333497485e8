package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;
import static vn.motcua.report.IndicatorsTest.byKey;
import static vn.motcua.report.IndicatorsTest.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.engine.Driver;
import vn.motcua.survey.Surveys;

/**
 * The public transparency figures over HTTP, anonymous, on the dossiers and answers of {@link TransparencySeed}
 * looked at on Tuesday 25 October 2022, 10:00: figures against hand-computed ones, against the staff reports, the
 * "not enough data" threshold, the cache, and refused parameters.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyApiTest {

    static final String WARD = "phuongthuanhoa";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Surveys surveys;
    @Autowired JdbcTemplate jdbc;

    Map<String, String> codes;
    Api anonymous;

    @BeforeAll
    void seed() {
        codes = TransparencySeed.ensure(driver, dossiers, surveys, jdbc, port);
        anonymous = Api.at(port);
    }

    @BeforeEach
    void tuesday() {
        clock(TransparencySeed.NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void octoberPerAgencyAndForTheCityAsComputedByHand() {
        Api.Response response = anonymous.get("/api/public/transparency?year=2022&month=10");
        JsonNode october = json(response);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(october.get("year").asInt()).isEqualTo(2022);
        assertThat(october.get("month").asInt()).isEqualTo(10);
        assertThat(october.get("from").asText()).isEqualTo("2022-10-01");
        assertThat(october.get("to").asText()).isEqualTo("2022-10-31");
        assertThat(october.get("asOf").asText()).isEqualTo("2022-10-25T10:00:00+07:00");
        assertThat(october.get("thresholds").get("minDossiers").asInt()).isEqualTo(10);
        assertThat(october.get("thresholds").get("minResponses").asInt()).isEqualTo(10);

        // the ward: R1–R10 early, B on time, C late; I overdue, G (online) not due
        JsonNode ward = byKey(october.get("agencies"), "unit").get(WARD);
        assertThat(ward.get("name").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertCounts(ward, 14, 1, 10, 1, 1, 2, 1);
        // (10 + 1 + 1 not due) / (12 finished + 2 in progress); 1 online of 14
        assertRate(ward.get("onTimeRate"), "85.71", 14);
        assertRate(ward.get("onlineShare"), "7.14", 14);
        // ten responses: access 8, procedure 8, officers 9, result 8, feedback 8 satisfied; 41 of 50
        JsonNode satisfaction = ward.get("satisfaction");
        assertThat(satisfaction.get("responses").asLong()).isEqualTo(10);
        assertRate(satisfaction.get("sipas"), "82.00", 10);
        assertThat(satisfaction.get("elements").fieldNames()).toIterable()
                .containsExactly("access", "procedure", "officers", "result", "feedback");
        assertRate(satisfaction.get("elements").get("access"), "80.00", 10);
        assertRate(satisfaction.get("elements").get("procedure"), "80.00", 10);
        assertRate(satisfaction.get("elements").get("officers"), "90.00", 10);
        assertRate(satisfaction.get("elements").get("result"), "80.00", 10);
        assertRate(satisfaction.get("elements").get("feedback"), "80.00", 10);
        assertThat(ward.get("complaints").get("received").asLong()).isEqualTo(2);
        assertThat(ward.get("complaints").get("answered").asLong()).isEqualTo(1);

        // the centre: one online dossier, too few for a rate
        JsonNode centre = byKey(october.get("agencies"), "unit").get("hcc");
        assertCounts(centre, 1, 1, 0, 0, 0, 1, 0);
        assertInsufficient(centre.get("onTimeRate"), 1, "chưa đủ dữ liệu: 1 hồ sơ, cần ít nhất 10");
        assertInsufficient(centre.get("onlineShare"), 1, "chưa đủ dữ liệu: 1 hồ sơ, cần ít nhất 10");
        assertInsufficient(centre.get("satisfaction").get("sipas"), 0, "chưa đủ dữ liệu: 0 phiếu trả lời, cần ít nhất 10");

        JsonNode city = october.get("city");
        assertThat(city.get("unit").isNull()).isTrue();
        assertCounts(city, 15, 2, 10, 1, 1, 3, 1);
        assertRate(city.get("onTimeRate"), "86.67", 15);
        assertRate(city.get("onlineShare"), "13.33", 15);
        assertRate(city.get("satisfaction").get("sipas"), "82.00", 10);
        assertThat(city.get("complaints").get("received").asLong()).isEqualTo(2);
        assertThat(city.get("complaints").get("answered").asLong()).isEqualTo(1);

        // every unit of the catalog is listed, the ones without dossiers with zeros
        assertThat(october.get("agencies")).hasSize(jdbc.queryForObject("select count(*) from unit", Integer.class));
        JsonNode justice = byKey(october.get("agencies"), "unit").get("sotuphap");
        assertCounts(justice, 0, 0, 0, 0, 0, 0, 0);
        assertThat(justice.get("onTimeRate").get("value").isNull()).isTrue();
    }

    @Test
    void theYearAddsSeptemberAndTheTrendHasEachMonthSoFar() {
        JsonNode year = json(anonymous.get("/api/public/transparency?year=2022"));
        assertThat(year.get("month").isNull()).isTrue();
        assertThat(year.get("to").asText()).isEqualTo("2022-12-31");
        JsonNode ward = byKey(year.get("agencies"), "unit").get(WARD);
        assertCounts(ward, 17, 1, 13, 1, 1, 2, 1);
        assertRate(ward.get("onTimeRate"), "88.24", 17);
        // 13 responses: 11 satisfied with each element but the officers (12); 56 of 65
        assertRate(ward.get("satisfaction").get("sipas"), "86.15", 13);
        assertRate(ward.get("satisfaction").get("elements").get("officers"), "92.31", 13);
        assertRate(ward.get("satisfaction").get("elements").get("access"), "84.62", 13);
        assertCounts(year.get("city"), 18, 2, 13, 1, 1, 3, 1);
        assertRate(year.get("city").get("onTimeRate"), "88.89", 18);

        // January to October (the current month), each month as that month's own figures
        JsonNode trend = ward.get("trend");
        assertThat(trend).hasSize(10);
        assertThat(trend.get(0).get("month").asText()).isEqualTo("2022-01");
        assertThat(trend.get(9).get("month").asText()).isEqualTo("2022-10");
        assertThat(trend.get(8).get("received").asLong()).isEqualTo(3);
        assertInsufficient(trend.get(8).get("onTimeRate"), 3, "chưa đủ dữ liệu: 3 hồ sơ, cần ít nhất 10");
        assertThat(trend.get(9).get("received").asLong()).isEqualTo(14);
        assertRate(trend.get(9).get("onTimeRate"), "85.71", 14);
        assertThat(trend.get(0).get("received").asLong()).isZero();
        assertThat(year.get("city").get("trend").get(9).get("received").asLong()).isEqualTo(15);
        // a month's trend stops at that month
        assertThat(json(anonymous.get("/api/public/transparency?year=2022&month=9")).get("city").get("trend")).hasSize(9);
    }

    @Test
    void tooFewResponsesAreNotEnoughDataRatherThanAPercentage() {
        // September: three answers, all very satisfied: 100 % would mislead
        JsonNode september = json(anonymous.get("/api/public/transparency?year=2022&month=9"));
        JsonNode ward = byKey(september.get("agencies"), "unit").get(WARD);
        assertThat(ward.get("satisfaction").get("responses").asLong()).isEqualTo(3);
        assertInsufficient(ward.get("satisfaction").get("sipas"), 3, "chưa đủ dữ liệu: 3 phiếu trả lời, cần ít nhất 10");
        ward.get("satisfaction").get("elements").forEach(element -> assertInsufficient(element, 3,
                "chưa đủ dữ liệu: 3 phiếu trả lời, cần ít nhất 10"));
        assertInsufficient(ward.get("onTimeRate"), 3, "chưa đủ dữ liệu: 3 hồ sơ, cần ít nhất 10");
        // the counts themselves are published
        assertCounts(ward, 3, 0, 3, 0, 0, 0, 0);
        // while the staff see the percentage
        JsonNode staff = Api.at(port).as("giamsat.noivu", "demo")
                .get("/api/reports/satisfaction?unit=" + WARD + "&from=2022-09-01&to=2022-09-30").json();
        assertThat(staff.get("sipas").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void thePublicFiguresAreTheStaffIndicatorsAndSatisfactionReport() {
        Api supervisor = Api.at(port).as("giamsat.noivu", "demo");
        for (String query : List.of("year=2022&month=10|from=2022-10-01&to=2022-10-31",
                "year=2022&month=9|from=2022-09-01&to=2022-09-30", "year=2022|from=2022-01-01&to=2022-12-31")) {
            String[] q = query.split("\\|");
            JsonNode figures = json(anonymous.get("/api/public/transparency?" + q[0]));
            JsonNode indicators = json(supervisor.get("/api/reports/indicators?" + q[1]));
            JsonNode satisfaction = json(supervisor.get("/api/reports/satisfaction?" + q[1]));
            Map<String, JsonNode> staffUnits = byKey(indicators.get("perUnit"), "unit");
            Map<String, JsonNode> staffSurveys = byKey(satisfaction.get("perUnit"), "unit");
            assertThat(byKey(figures.get("agencies"), "unit").keySet()).containsExactlyInAnyOrderElementsOf(
                    staffUnits.keySet());
            figures.get("agencies").forEach(agency -> {
                String unit = agency.get("unit").asText();
                agreeOnDossiers(agency, staffUnits.get(unit), query + " " + unit);
                JsonNode surveys = staffSurveys.get(unit);
                long responses = surveys == null ? 0 : surveys.get("responses").asLong();
                assertThat(agency.get("satisfaction").get("responses").asLong()).isEqualTo(responses);
                assertThat(agency.get("complaints").get("received").asLong())
                        .isEqualTo(surveys == null ? 0 : surveys.get("complaints").asLong());
                if (responses >= 10) {
                    assertThat(agency.get("satisfaction").get("sipas").get("value").decimalValue())
                            .isEqualByComparingTo(surveys.get("sipas").decimalValue());
                    surveys.get("elements").fields().forEachRemaining(e -> assertThat(agency.get("satisfaction")
                            .get("elements").get(e.getKey()).get("value").decimalValue())
                            .isEqualByComparingTo(e.getValue().decimalValue()));
                }
            });
            agreeOnDossiers(figures.get("city"), indicators.get("total"), query + " city");
            assertThat(figures.get("city").get("satisfaction").get("responses").asLong())
                    .isEqualTo(satisfaction.get("responses").asLong());
            assertThat(figures.get("city").get("complaints").get("received").asLong())
                    .isEqualTo(satisfaction.get("complaints").asLong());
            if (satisfaction.get("responses").asLong() >= 10) {
                assertThat(figures.get("city").get("satisfaction").get("sipas").get("value").decimalValue())
                        .isEqualByComparingTo(indicators.get("sipas").decimalValue());
            }
        }
    }

    @Test
    void anyoneReadsItWhileTheStaffReportsStayClosedAndNothingPersonalIsShown() {
        Api.Response figures = anonymous.get("/api/public/transparency?year=2022");
        assertThat(figures.status()).isEqualTo(200);
        Api.Response page = anonymous.page("/cong-khai?nam=2022");
        assertThat(page.status()).isEqualTo(200);
        for (String closed : List.of("/api/reports/indicators?from=2022-10-01&to=2022-10-31",
                "/api/reports/satisfaction", "/api/reports/overdue", "/api/reports/steps")) {
            Api.Response refused = anonymous.get(closed);
            assertThat(refused.status()).as(closed).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        // described for developers with the other public endpoints
        assertThat(anonymous.get("/v3/api-docs").json().get("paths").has("/api/public/transparency")).isTrue();
        // no name, ID number, e-mail, complaint text nor dossier code: only counts
        for (String body : List.of(figures.body(), page.body())) {
            assertThat(body).doesNotContain(TransparencySeed.APPLICANT, TransparencySeed.ID_NUMBER, "bach@example.com",
                    "đi lại nhiều lần");
            codes.values().forEach(code -> assertThat(body).doesNotContain(code));
        }
    }

    @Test
    void aSecondRequestIsServedFromMemoryUntilTheFiguresAreAFewMinutesOld() {
        String august = "/api/public/transparency?year=2021&month=8";
        JsonNode first = json(anonymous.get(august));
        long before = first.get("city").get("received").asLong();
        String updatedAt = first.get("updatedAt").asText();
        assertThat(updatedAt).isEqualTo("2022-10-25T10:00:00+07:00");

        // a dossier received in August 2021 (no other test files one then): the staff see it at once
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2021-08-10T09:00+07:00");
            TransparencySeed.received(dossiers, driver, TransparencySeed.HOUSEHOLD, Channel.COUNTER);
        } finally {
            Staff.clear();
        }
        clock("2022-10-25T10:04+07:00");
        assertThat(json(Api.at(port).as("giamsat.noivu", "demo").get("/api/reports/indicators?from=2021-08-01&to=2021-08-31"))
                .get("total").get("received").asLong()).isEqualTo(before + 1);
        // the public figures do not query the dossiers again: the same, computed at 10:00
        JsonNode second = json(anonymous.get(august));
        assertThat(second.get("city").get("received").asLong()).isEqualTo(before);
        assertThat(second.get("updatedAt").asText()).isEqualTo(updatedAt);
        assertThat(anonymous.get(august).headers().firstValue("Cache-Control").orElse("")).contains("max-age=60")
                .contains("public");

        // five minutes on, computed again
        clock("2022-10-25T10:05+07:00");
        JsonNode fresh = json(anonymous.get(august));
        assertThat(fresh.get("city").get("received").asLong()).isEqualTo(before + 1);
        assertThat(fresh.get("updatedAt").asText()).isEqualTo("2022-10-25T10:05:00+07:00");
    }

    @Test
    void badParametersAreRefusedWithTheFieldAndAVietnameseReason() {
        refused("year=abc", "year", "Năm phải là số có bốn chữ số, ví dụ 2026.");
        refused("year=2022%00", "year", "Năm phải là số có bốn chữ số, ví dụ 2026.");
        refused("year=%002022", "year", "Năm phải là số có bốn chữ số, ví dụ 2026.");
        refused("year=" + "9".repeat(5000), "year", "Năm phải là số có bốn chữ số, ví dụ 2026.");
        refused("year=2022&year=2021", "year", "Năm phải là số có bốn chữ số, ví dụ 2026.");
        refused("year=2019", "year", "Chỉ có số liệu từ năm 2020 đến năm 2022.");
        refused("year=2023", "year", "Chỉ có số liệu từ năm 2020 đến năm 2022.");
        refused("year=0000", "year", "Chỉ có số liệu từ năm 2020 đến năm 2022.");
        refused("year=2022&month=13", "month", "Tháng phải là số từ 1 đến 12 (bỏ trống để xem cả năm).");
        refused("year=2022&month=0", "month", "Tháng phải là số từ 1 đến 12 (bỏ trống để xem cả năm).");
        refused("year=2022&month=-1", "month", "Tháng phải là số từ 1 đến 12 (bỏ trống để xem cả năm).");
        refused("year=2022&month=1%00", "month", "Tháng phải là số từ 1 đến 12 (bỏ trống để xem cả năm).");
        refused("year=2022&month=11", "month", "Tháng 11/2022 chưa bắt đầu, chưa có số liệu.");

        // the page answers the same in Vietnamese, with the form to choose again
        Api.Response page = anonymous.page("/cong-khai?nam=2022&thang=%00");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Tháng phải là số từ 1 đến 12").contains("<form class=\"search card\"")
                .doesNotContain("Exception");
        assertThat(anonymous.page("/cong-khai?nam=1999").body()).contains("Chỉ có số liệu từ năm 2020 đến năm 2022.");
        // without parameters: the current year
        assertThat(json(anonymous.get("/api/public/transparency")).get("year").asInt()).isEqualTo(2022);
        assertThat(anonymous.page("/cong-khai").status()).isEqualTo(200);
    }

    private void refused(String query, String field, String message) {
        Api.Response response = anonymous.get("/api/public/transparency?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    private static void assertCounts(JsonNode agency, long received, long online, long early, long onTime, long late,
            long inProgress, long overdue) {
        assertThat(List.of(agency.get("received").asLong(), agency.get("receivedOnline").asLong(),
                agency.get("finishedEarly").asLong(), agency.get("finishedOnTime").asLong(),
                agency.get("finishedLate").asLong(), agency.get("inProgress").asLong(),
                agency.get("inProgressOverdue").asLong()))
                .as("received, online, early, on time, late, in progress, overdue")
                .containsExactly(received, online, early, onTime, late, inProgress, overdue);
    }

    private static void assertRate(JsonNode rate, String value, long basis) {
        assertThat(rate.get("value").decimalValue()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(rate.get("value").asText()).isEqualTo(value);
        assertThat(rate.get("basis").asLong()).isEqualTo(basis);
        assertThat(rate.get("reason").isNull()).isTrue();
    }

    private static void assertInsufficient(JsonNode rate, long basis, String reason) {
        assertThat(rate.get("value").isNull()).as(rate.toString()).isTrue();
        assertThat(rate.get("basis").asLong()).isEqualTo(basis);
        assertThat(rate.get("reason").asText()).isEqualTo(reason);
    }

    private static void agreeOnDossiers(JsonNode figures, JsonNode staff, String what) {
        assertThat(figures.get("received").asLong()).as(what).isEqualTo(staff.get("received").asLong());
        assertThat(figures.get("receivedOnline").asLong()).as(what).isEqualTo(staff.get("receivedOnline").asLong());
        assertThat(figures.get("finishedEarly").asLong()).as(what).isEqualTo(staff.get("finishedEarly").asLong());
        assertThat(figures.get("finishedOnTime").asLong()).as(what).isEqualTo(staff.get("finishedOnTime").asLong());
        assertThat(figures.get("finishedLate").asLong()).as(what).isEqualTo(staff.get("finishedLate").asLong());
        assertThat(figures.get("inProgress").asLong()).as(what).isEqualTo(staff.get("inProgressNotDue").asLong()
                + staff.get("inProgressDueSoon").asLong() + staff.get("inProgressOverdue").asLong());
        assertThat(figures.get("inProgressOverdue").asLong()).as(what).isEqualTo(staff.get("inProgressOverdue").asLong());
        if (figures.get("onTimeRate").get("value").isNull()) {
            assertThat(figures.get("onTimeRate").get("basis").asLong()).as(what).isLessThan(10);
        } else {
            assertThat(figures.get("onTimeRate").get("value").decimalValue()).as(what)
                    .isEqualByComparingTo(staff.get("onTimeRate").decimalValue());
        }
        if (!figures.get("onlineShare").get("value").isNull()) {
            assertThat(figures.get("onlineShare").get("value").decimalValue()).as(what)
                    .isEqualByComparingTo(staff.get("onlineShare").decimalValue());
        }
    }
}
