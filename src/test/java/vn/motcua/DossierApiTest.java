package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The staff and public API over HTTP: what gets in, what is refused, and how. */
@MotcuaTest
class DossierApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    Api anonymous;
    Api demo;

    @BeforeEach
    void clients() {
        anonymous = Api.at(port);
        demo = anonymous.as("demo", "demo");
    }

    @Test
    void theProcedureListIsPublic() {
        Api.Response response = anonymous.get("/api/procedures");
        assertThat(response.status()).isEqualTo(200);
        JsonNode procedures = response.json();
        assertThat(procedures.size()).isGreaterThanOrEqualTo(5);
        List<String> levels = new ArrayList<>();
        for (JsonNode p : procedures) {
            assertThat(p.get("code").asText()).isNotBlank();
            assertThat(p.get("name").asText()).isNotBlank();
            assertThat(p.get("online").isBoolean()).isTrue();
            // the unit the law gives the time in; days and hours stay for the first version's callers
            assertThat(p.get("statutoryUnit").asText()).isIn("WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS", "SAME_DAY");
            assertThat(p.get("statutoryAmount").asInt()).isPositive();
            assertThat(p.get("statutoryDays").isInt()).isEqualTo(p.get("statutoryUnit").asText().equals("WORKING_DAYS"));
            assertThat(p.get("statutoryHours").isInt()).isEqualTo(p.get("statutoryUnit").asText().equals("WORKING_HOURS"));
            // the catalog file lists every paper; an imported list may leave them to the counter
            if (p.get("source").asText().equals("CATALOG_FILE") || !p.get("documents").isEmpty()) {
                assertThat(p.get("documents")).isNotEmpty();
                assertThat(p.get("documents").get(0).get("kind").asText()).isIn("ORIGINAL", "CERTIFIED_COPY", "PHOTOCOPY");
            }
            levels.add(p.get("level").asText());
        }
        assertThat(levels).contains("PROVINCE", "COMMUNE");
        JsonNode birth = anonymous.get("/api/procedures/1.001193").json();
        assertThat(birth.get("name").asText()).isEqualTo("Đăng ký khai sinh");
        Api.Response unknown = anonymous.get("/api/procedures/9.999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Không có thủ tục mã 9.999999 trong danh mục.");
    }

    @Test
    void staffEndpointsAndTheEngineApiNeedCredentials() {
        assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/user").status()).isEqualTo(401);
        Api.Response intake = anonymous.post("/api/dossiers", EndToEndContract.intake("2.001610", "Không Đăng Nhập"));
        assertThat(intake.status()).isEqualTo(401);
        assertThat(intake.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/api/dossiers/000.00.00.H57-250101-0001").status()).isEqualTo(401);
        // a wrong password is refused (failed logins count against the client address, see LoginThrottleTest;
        // an account no other test needs all the same)
        Api wrong = anonymous.as("lanhdao.congan", "wrong");
        assertThat(wrong.get("/api/dossiers/000.00.00.H57-250101-0001").status()).isEqualTo(401);
        assertThat(wrong.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(demo.get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void invalidInputGetsOneVietnameseMessagePerFieldAndStoresNothing() {
        long dossiers = count();
        long instances = runtime.createProcessInstanceQuery().count();
        Map<String, Object> applicant = new HashMap<>();
        applicant.put("fullName", " ");
        applicant.put("idNumber", "12AB");
        applicant.put("phone", "123");
        applicant.put("email", "not-an-email");
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", "2.001610");
        body.put("applicant", applicant);

        Api.Response response = demo.post("/api/dossiers", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, String> errors = new HashMap<>();
        response.json().get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        assertThat(errors).containsOnlyKeys("channel", "applicant.fullName", "applicant.idNumber", "applicant.phone",
                "applicant.email", "applicant.address");
        assertThat(errors.get("applicant.idNumber")).contains("12 chữ số");
        assertThat(errors.get("applicant.fullName")).isEqualTo("Họ và tên không được để trống.");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.");

        Api.Response badEnum = demo.post("/api/dossiers", "{\"procedureCode\":\"2.001610\",\"channel\":\"FAX\"}");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().get("errors").get(0).get("field").asText()).isEqualTo("channel");
        assertThat(demo.post("/api/dossiers", "{not json").status()).isEqualTo(400);

        assertThat(count()).isEqualTo(dossiers);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void anUnknownProcedureIsRefusedAndStoresNothing() {
        long dossiers = count();
        Api.Response response = demo.post("/api/dossiers", EndToEndContract.intake("9.999999", "Nguyễn Văn A"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("9.999999");
        assertThat(count()).isEqualTo(dossiers);
    }

    @Test
    void anOfficerCannotFileOrReadForAnotherUnit() {
        Api wardCounter = anonymous.as("tiepnhan.thuanhoa", "demo");
        long dossiers = count();
        Api.Response refused = wardCounter.post("/api/dossiers", EndToEndContract.intake("2.001610", "Hồ Văn B"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(count()).isEqualTo(dossiers);

        String code = anonymous.as("tiepnhan.hcc", "demo")
                .post("/api/dossiers", EndToEndContract.intake("2.001610", "Hồ Văn B")).json().get("code").asText();
        assertThat(wardCounter.get("/api/dossiers/" + code).status()).isEqualTo(403);
        assertThat(anonymous.as("chuyenvien.xaydung", "demo").get("/api/dossiers/" + code).status()).isEqualTo(403);
        Api.Response read = anonymous.as("chuyenvien.taichinh", "demo").get("/api/dossiers/" + code);
        // each key once: a parser keeping the first of two same-named keys must read the same dossier
        assertThat(read.body().split("\"reappointments\":", -1)).hasSize(2);
        JsonNode seen = read.json();
        assertThat(seen.get("reappointments").isArray()).isTrue();
        assertThat(seen.get("code").asText()).isEqualTo(code);
        assertThat(seen.get("tasks").get(0).get("candidateGroups").get(0).asText()).isEqualTo("hcc_reception");
        assertThat(demo.get("/api/dossiers/000.00.00.H57-200101-9999").status()).isEqualTo(404);
    }

    @Test
    void aCounterIntakeAnswersWithTheDossierAndItsProjectedAppointment() {
        Api.Response response = anonymous.as("tiepnhan.hcc", "demo")
                .post("/api/dossiers", EndToEndContract.intake("2.001610", "Võ Thị Cúc"));
        assertThat(response.status()).isEqualTo(201);
        JsonNode dossier = response.json();
        assertThat(dossier.get("status").asText()).isEqualTo("NEW");
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(1);
        assertThat(dossier.get("statusLabel").asText()).isEqualTo("Mới đăng ký");
        assertThat(dossier.has("appointmentDate")).isTrue();
        assertThat(dossier.get("projectedAppointmentDate").asText()).endsWith("+07:00");
        assertThat(dossier.get("applicant").get("fullName").asText()).isEqualTo("Võ Thị Cúc");
        assertThat(dossier.get("history").get(0).get("actor").asText()).isEqualTo("tiepnhan.hcc");
        assertThat(dossier.get("tasks").get(0).get("step").asText()).isEqualTo("Task_receptionCheck");
    }

    @Test
    void aSupplementCanOnlyBeRecordedWhenOneWasRequested() {
        String code = demo.post("/api/dossiers", EndToEndContract.intake("2.001610", "Đinh Văn Dũng")).json()
                .get("code").asText();
        Api.Response early = demo.post("/api/dossiers/" + code + "/supplement", "{}");
        assertThat(early.status()).isEqualTo(409);

        String task = demo.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
        assertThat(demo.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("decision", Map.of("value", "SUPPLEMENT"), "note", Map.of("value", "Thiếu điều lệ")))).status())
                .isEqualTo(204);
        assertThat(demo.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(5);
        assertThat(anonymous.as("tiepnhan.thuanhoa", "demo").post("/api/dossiers/" + code + "/supplement", "{}")
                .status()).isEqualTo(403);
        JsonNode resumed = anonymous.as("tiepnhan.hcc", "demo").post("/api/dossiers/" + code + "/supplement", "{}")
                .json();
        assertThat(resumed.get("statusCode").asInt()).isEqualTo(1);
        assertThat(resumed.get("tasks").get(0).get("step").asText()).isEqualTo("Task_receptionCheck");
    }

    @Test
    void theEngineApiRefusesADecisionTheTaskDoesNotOfferWith400() {
        String code = demo.post("/api/dossiers", EndToEndContract.intake("2.001610", "Mai Văn Em")).json()
                .get("code").asText();
        String task = demo.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
        Api.Response invalid = demo.post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "MAYBE"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).contains("APPROVE, SUPPLEMENT, REFUSE");
        Api.Response noReason = demo.post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "REFUSE"))));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("lý do");
        // the task is still open and the dossier unchanged
        assertThat(demo.get("/engine-rest/task/" + task).status()).isEqualTo(200);
        assertThat(demo.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(1);
        // other engine errors keep Camunda's own answers
        assertThat(demo.get("/engine-rest/task/no-such-task").status()).isEqualTo(404);
    }

    @Test
    void supervisorsCanOpenCockpitAndCounterOfficersCannot() throws Exception {
        assertThat(webappLogin("giamsat.noivu", "cockpit")).isEqualTo(200);
        assertThat(webappLogin("giamsat.thuanhoa", "cockpit")).isEqualTo(200);
        assertThat(webappLogin("tiepnhan.phuxuan", "cockpit")).isEqualTo(403);
        assertThat(webappLogin("tiepnhan.phuxuan", "tasklist")).isEqualTo(200);
        assertThat(webappLogin("chuyenvien.phuxuan", "admin")).isEqualTo(403);
    }

    /** Logs in to a Camunda webapp the way its login page does: session cookie, CSRF token, form post. */
    private int webappLogin(String user, String app) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port + "/camunda";
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/app/" + app + "/default/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        java.net.http.HttpRequest login = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        base + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                .build();
        return client.send(login, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from dossier", Long.class);
    }
}
