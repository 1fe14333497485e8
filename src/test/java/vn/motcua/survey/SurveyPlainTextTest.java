package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/** A survey comment or complaint with a control or direction character is refused (API and page); nothing is recorded. */
@MotcuaTest
class SurveyPlainTextTest {

    static final String PATH = "/api/public/surveys/";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired TaskService tasks;
    @Autowired Surveys surveys;

    ClosedDossiers dossiers;
    Api citizen;

    @BeforeEach
    void setUp() {
        clock("2025-06-09T09:00+07:00");
        dossiers = new ClosedDossiers(driver, tasks);
        citizen = Api.at(port);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    static void refused(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly(field);
        assertThat(errors.get(0).get("message").asText()).contains("ký tự không được phép");
    }

    @Test
    void aCommentAndAComplaintWithControlCharactersAreRefused() {
        Invitation invitation = surveys.invite(dossiers.returned());
        String token = invitation.token();
        refused(citizen.post(PATH + token, SurveyApiTest.answer(1, 1, 1, 1, 1, 1, "Chậm\u0000trễ")), "comment");
        refused(citizen.post(PATH + token, SurveyApiTest.answer(1, 1, 1, 1, 1, 1, "Chậm \u202Eễrt")), "comment");
        assertThat(citizen.get(PATH + token).json().get("status").asText()).isEqualTo("OPEN");

        Api.Response low = citizen.post(PATH + token, SurveyApiTest.answer(1, 1, 1, 1, 1, 1, "Chậm trễ,\nphải đi lại ba lần."));
        assertThat(low.status()).as(low.body()).isEqualTo(201);
        refused(citizen.post(PATH + token + "/complaint", Map.of("text", "Cán bộ\u2066 thiếu\u0007 hướng dẫn")), "text");
        assertThat(citizen.get(PATH + token).json().get("complaint").get("filed").asBoolean()).isFalse();
        Api.Response filed = citizen.post(PATH + token + "/complaint", Map.of("text", "Cán bộ thiếu hướng dẫn.\nĐề nghị xem xét."));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    }

    @Test
    void theSurveyPageRefusesTheSameComment() throws Exception {
        Invitation invitation = surveys.invite(dossiers.returned());
        String form = "access=2&procedure=2&officers=2&result=2&feedback=2&overall=2&comment="
                + URLEncoder.encode("Chậm\u0000trễ", StandardCharsets.UTF_8);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/khao-sat/" + invitation.token()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("ký tự không được phép");
        assertThat(citizen.get(PATH + invitation.token()).json().get("status").asText()).isEqualTo("OPEN");
    }
}
