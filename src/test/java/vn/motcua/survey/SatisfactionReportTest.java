package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;
import static vn.motcua.survey.ClosedDossiers.COUNTER;
import static vn.motcua.survey.ClosedDossiers.LEADER;
import static vn.motcua.survey.ClosedDossiers.SPECIALIST;
import static vn.motcua.survey.ClosedDossiers.SPECIALIST_2;
import static vn.motcua.survey.SurveyApiTest.answer;

import java.util.ArrayList;
import java.util.List;
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
import vn.motcua.engine.Driver;

/**
 * The satisfaction report on known answers, computed by the database: six household business
 * dossiers of UBND phường Thuận Hóa closed and invited on Monday 16 June 2025, four answered
 * (access, procedure, officers, result, feedback; overall) — (5,4,5,5,3;5), (4,2,4,4,4;4),
 * (3,3,5,2,1;2) with a complaint, and (5,5,1,4,4;4) for the dossier the second specialist
 * appraised — and one more invited at midnight the next day.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SatisfactionReportTest {

    static final String DAY = "unit=phuongthuanhoa&procedure=1.001612&from=2025-06-16&to=2025-06-16";
    static final String REPORT = "/api/reports/satisfaction?";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired TaskService tasks;
    @Autowired Surveys surveys;

    Api api;

    @BeforeAll
    void surveysOfTheDay() {
        api = Api.at(port);
        ClosedDossiers dossiers = new ClosedDossiers(driver, tasks);
        try {
            clock("2025-06-16T09:00+07:00");
            List<String> links = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String code = dossiers.returned(i == 3 ? SPECIALIST_2 : SPECIALIST);
                links.add("/api/public/surveys/" + surveys.invite(code).token());
            }
            assertThat(api.post(links.get(0), answer(5, 4, 5, 5, 3, 5, null)).status()).isEqualTo(201);
            assertThat(api.post(links.get(1), answer(4, 2, 4, 4, 4, 4, null)).status()).isEqualTo(201);
            assertThat(api.post(links.get(2), answer(3, 3, 5, 2, 1, 2, null)).status()).isEqualTo(201);
            assertThat(api.post(links.get(2) + "/complaint", Map.of("text", "Trả lời chậm")).status()).isEqualTo(201);
            assertThat(api.post(links.get(3), answer(5, 5, 1, 4, 4, 4, null)).status()).isEqualTo(201);

            clock("2025-06-17T00:00+07:00");
            surveys.invite(dossiers.returned());
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
    void theReportCountsInvitationsResponsesAndTheIndexes() {
        JsonNode report = ok(api.as("demo", "demo").get(REPORT + DAY));
        assertThat(report.get("invitations").asLong()).isEqualTo(6);
        assertThat(report.get("responses").asLong()).isEqualTo(4);
        assertThat(report.get("responseRate").decimalValue()).isEqualByComparingTo("66.67");
        JsonNode elements = report.get("elements");
        assertThat(elements.get("access").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(elements.get("procedure").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(elements.get("officers").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(elements.get("result").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(elements.get("feedback").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(report.get("overall").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(report.get("sipas").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(report.get("complaints").asLong()).isEqualTo(1);
    }

    @Test
    void perOfficerCountsTheDossiersEachHandled() {
        JsonNode officers = ok(api.as("demo", "demo").get(REPORT + DAY)).get("perOfficer");
        assertThat(officers).extracting(o -> o.get("officer").asText())
                .containsExactly(SPECIALIST, SPECIALIST_2, LEADER, COUNTER);
        // the first specialist: dossiers 1-3, 5, 6; answered 1-3: satisfied 2+1+3+2+1 of 15
        assertThat(officers.get(0).get("invitations").asLong()).isEqualTo(5);
        assertThat(officers.get(0).get("responses").asLong()).isEqualTo(3);
        assertThat(officers.get(0).get("sipas").decimalValue()).isEqualByComparingTo("60.00");
        // the second: dossier 4 only, satisfied with four elements of five
        assertThat(officers.get(1).get("responses").asLong()).isEqualTo(1);
        assertThat(officers.get(1).get("sipas").decimalValue()).isEqualByComparingTo("80.00");
        // the counter officer received, and the leader approved, every dossier
        for (JsonNode everyDossier : List.of(officers.get(2), officers.get(3))) {
            assertThat(everyDossier.get("invitations").asLong()).isEqualTo(6);
            assertThat(everyDossier.get("sipas").decimalValue()).isEqualByComparingTo("65.00");
        }
    }

    @Test
    void perUnitGivesEachUnitsIndexes() {
        JsonNode units = ok(api.as("giamsat.noivu", "demo").get(REPORT + "from=2025-06-16&to=2025-06-16"))
                .get("perUnit");
        JsonNode ward = units.get(0);
        assertThat(ward.get("unit").asText()).isEqualTo("phuongthuanhoa");
        assertThat(ward.get("unitName").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertThat(ward.get("invitations").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(ward.get("elements").get("officers")).isNotNull();
        JsonNode day = ok(api.as("giamsat.noivu", "demo").get(REPORT + DAY));
        assertThat(day.get("perUnit")).hasSize(1);
        assertThat(day.get("perUnit").get(0).get("sipas").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(day.get("perUnit").get(0).get("complaints").asLong()).isEqualTo(1);
    }

    @Test
    void datesAreInvitationDaysInHue() {
        Api admin = api.as("demo", "demo");
        assertThat(ok(admin.get(REPORT + "unit=phuongthuanhoa&procedure=1.001612&from=2025-06-17&to=2025-06-17"))
                .get("invitations").asLong()).isEqualTo(1);
        assertThat(ok(admin.get(REPORT + "unit=phuongthuanhoa&procedure=1.001612&from=2025-06-16&to=2025-06-17"))
                .get("invitations").asLong()).isEqualTo(7);
        JsonNode none = ok(admin.get(REPORT + "unit=phuongthuanhoa&from=2025-06-18&to=2025-06-18"));
        assertThat(none.get("invitations").asLong()).isZero();
        assertThat(none.get("sipas").isNull()).isTrue();
        assertThat(none.get("perOfficer")).isEmpty();
    }

    @Test
    void onlyStaffSeeTheReportAndUnitsOnlyTheirOwn() {
        assertThat(api.get(REPORT + DAY).status()).isEqualTo(401);

        Api otherWard = api.as("tiepnhan.phuxuan", "demo");
        Api.Response forbidden = otherWard.get(REPORT + DAY);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.json().get("detail").asText()).isEqualTo("Bạn chỉ xem được kết quả khảo sát của đơn vị mình.");
        // without a unit, an officer gets their own unit's results
        JsonNode own = ok(otherWard.get(REPORT + "from=2025-06-16&to=2025-06-16"));
        assertThat(own.get("filter").get("units")).extracting(JsonNode::asText).containsExactly("phuongphuxuan");
        assertThat(own.get("invitations").asLong()).isZero();

        JsonNode supervisor = ok(api.as("giamsat.thuanhoa", "demo").get(REPORT + "procedure=1.001612&from=2025-06-16&to=2025-06-16"));
        assertThat(supervisor.get("filter").get("units")).extracting(JsonNode::asText).containsExactly("phuongthuanhoa");
        assertThat(supervisor.get("invitations").asLong()).isEqualTo(6);
        assertThat(ok(api.as("chuyenvien.thuanhoa", "demo").get(REPORT + DAY)).get("responses").asLong()).isEqualTo(4);

        JsonNode city = ok(api.as("giamsat.noivu", "demo").get(REPORT + DAY));
        assertThat(city.get("responses").asLong()).isEqualTo(4);
        assertThat(ok(api.as("giamsat.noivu", "demo").get(REPORT)).get("filter").get("units").isNull()).isTrue();
    }

    @Test
    void badQueriesAre400WithTheField() {
        Api admin = api.as("demo", "demo");
        Api.Response order = admin.get(REPORT + "from=2025-06-17&to=2025-06-16");
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
        Api.Response unit = admin.get(REPORT + "unit=khong-co");
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.json().get("errors").get(0).get("message").asText()).isEqualTo("Không có đơn vị khong-co trong danh mục.");
        Api.Response date = admin.get(REPORT + "from=16/06/2025");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(date.json().get("errors").get(0).get("message").asText()).contains("yyyy-MM-dd");
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
