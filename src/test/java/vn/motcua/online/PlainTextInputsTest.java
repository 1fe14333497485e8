package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;

/**
 * No control characters and no direction overrides in what citizens and officers type: the online
 * filing (API and page), the counter's intake, file names, the calendar's day names and officers' notes
 * through the engine REST API are refused with 400 naming the field, and nothing is stored; Vietnamese
 * text with line breaks passes.
 */
@MotcuaTest
class PlainTextInputsTest {

    static final String NUL = "\u0000";
    static final String RLO = "\u202E";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    StoredRows before;

    @BeforeEach
    void counts() {
        before = StoredRows.now(jdbc);
    }

    void nothingStored() {
        before.assertNothingAdded();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> filing(String field, String value) {
        Map<String, Object> filing = new HashMap<>(Samples.filing(Samples.BIRTH, "Nguyễn Văn An"));
        Map<String, Object> applicant = new HashMap<>((Map<String, Object>) filing.get("applicant"));
        applicant.put(field, value);
        filing.put("applicant", applicant);
        return filing;
    }

    /** 400, problem+json, and an error on exactly that field with the Vietnamese message. */
    static void refused(int status, String contentType, JsonNode body, String field) {
        assertThat(status).as(body.toString()).isEqualTo(400);
        assertThat(contentType).startsWith("application/problem+json");
        List<String> fields = body.get("errors").findValuesAsText("field");
        assertThat(fields).as(body.toString()).contains(field);
        List<String> messages = new java.util.ArrayList<>();
        body.get("errors").forEach(e -> {
            if (e.get("field").asText().equals(field)) {
                messages.add(e.get("message").asText());
            }
        });
        assertThat(messages).as(body.toString()).anyMatch(m -> m.contains("ký tự không được phép") && m.contains("U+"));
    }

    @Test
    void theOnlineFilingRefusesNulAndDirectionOverridesInEveryText() {
        PublicClient citizen = PublicClient.at(port);
        Map<String, String> attempts = Map.of("fullName", "Anon" + NUL + "Nul", "address", "12 Nguyễn Huệ" + RLO + "ếuH",
                "email", "a" + NUL + "@example.com", "phone", "0914555666" + NUL);
        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            PublicClient.Response response = citizen.file(filing(attempt.getKey(), attempt.getValue()));
            refused(response.status(), response.contentType(), response.json(), "applicant." + attempt.getKey());
        }
        // the procedure's own fields, however deep
        for (Object formData : List.of(Map.of("childName", "Mai" + RLO + "exe.pdf"),
                Map.of("parents", List.of(Map.of("name", "Lan" + NUL))), Map.of("bad" + NUL + "key", "x"))) {
            Map<String, Object> filing = new HashMap<>(Samples.filing(Samples.BIRTH, "Nguyễn Văn An"));
            filing.put("formData", formData);
            PublicClient.Response response = citizen.file(filing);
            refused(response.status(), response.contentType(), response.json(), "formData");
        }
        // nested deeper than the check descends: refused, never let through unchecked
        Object deeper = "ab" + RLO + "cd" + NUL;
        for (int i = 0; i < 34; i++) {
            deeper = Map.of("d", deeper);
        }
        Map<String, Object> tooDeep = new HashMap<>(Samples.filing(Samples.BIRTH, "Nguyễn Văn Sâu"));
        tooDeep.put("formData", deeper);
        PublicClient.Response buried = citizen.file(tooDeep);
        assertThat(buried.status()).as(buried.body()).isEqualTo(400);
        assertThat(buried.contentType()).startsWith("application/problem+json");
        assertThat(buried.json().get("errors").get(0).get("field").asText()).isEqualTo("formData");
        assertThat(buried.json().get("errors").get(0).get("message").asText()).contains("quá nhiều cấp");
        PublicClient.Response deep = citizen.file(Map.of("procedureCode", Samples.BIRTH,
                "applicant", Samples.filing(Samples.BIRTH, "Nguyễn Văn An").get("applicant"),
                "formData", Map.of("parents", List.of(Map.of("name", "Lan" + NUL)))));
        assertThat(deep.json().get("errors").get(0).get("message").asText()).contains("parents[0].name");
        nothingStored();

        // Vietnamese with a line break in the address and in the request is fine
        Map<String, Object> fine = filing("address", "12 Nguyễn Huệ\nphường Thuận Hóa, Huế");
        fine.put("formData", Map.of("childName", "Nguyễn Thị Mai", "request", "Đăng ký khai sinh\r\ncho con gái"));
        PublicClient.Response filed = citizen.file(fine);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        before.assertDossiersAdded(1);
    }

    @Test
    void aFileNameWithADirectionOverrideIsRefused() {
        PublicClient citizen = PublicClient.at(port);
        PublicClient.Response response = citizen.file(Samples.filing(Samples.BIRTH, "Nguyễn Văn Tệp"),
                PublicClient.Part.file("hoadon" + RLO + "fdp.exe.pdf", "application/pdf", Samples.pdf("x")));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("files[0]");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("U+202E");
        nothingStored();
    }

    @Test
    void theCountersIntakeRefusesTheSame() {
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        Map<String, Object> intake = new HashMap<>(filing("fullName", "Anon" + NUL + "Nul"));
        intake.put("procedureCode", Samples.ENTERPRISE);
        intake.put("channel", "COUNTER");
        Api.Response response = counter.post("/api/dossiers", intake);
        refused(response.status(), response.contentType(), response.json(), "applicant.fullName");
        intake.put("applicant", filing("fullName", "Võ Thị Cúc").get("applicant"));
        intake.put("formData", Map.of("note", "a" + RLO));
        response = counter.post("/api/dossiers", intake);
        refused(response.status(), response.contentType(), response.json(), "formData");
        nothingStored();
    }

    @Test
    void theFilingPageShowsTheFieldAgainAndStoresNothing() {
        PublicClient citizen = PublicClient.at(port);
        PublicClient.Response page = citizen.form("/nop-ho-so/" + Samples.BIRTH, "fullName", "Anon" + NUL + "Nul",
                "idNumber", Samples.ID_NUMBER, "phone", "0914555666", "address", "12 Nguyễn Huệ",
                "request", "Xin cấp" + RLO);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("ký tự không được phép").contains("id=\"fullName\"");
        nothingStored();
        PublicClient.Response filed = citizen.form("/nop-ho-so/" + Samples.BIRTH, "fullName", "Nguyễn Thị Ánh Tuyết",
                "idNumber", Samples.ID_NUMBER, "phone", "0914555666", "address", "12 Nguyễn Huệ\r\nphường Thuận Hóa",
                "request", "Đăng ký khai sinh\r\ncho con");
        assertThat(filed.status()).as(filed.body()).isEqualTo(303);
        before.assertDossiersAdded(1);
    }

    @Test
    void aDayNameWithAControlCharacterIsRefused() {
        Api admin = Api.at(port).as("demo", "demo");
        Api.Response response = admin.put("/api/calendar/days/2031-02-03", Map.of("kind", "DAY_OFF", "name", "Tết" + NUL));
        refused(response.status(), response.contentType(), response.json(), "name");
        response = admin.put("/api/calendar/days/2031-02-03", Map.of("kind", "DAY_OFF", "name", "Tết\nNguyên đán"));
        refused(response.status(), response.contentType(), response.json(), "name");
        assertThat(admin.get("/api/calendar/days?year=2031").body()).doesNotContain("2031-02-03");
    }

    @Test
    void anOfficersNoteWithANulIsRefusedByTheEngine() {
        Api demo = Api.at(port).as("demo", "demo");
        Map<String, Object> intake = new HashMap<>(filing("fullName", "Đinh Văn Dũng"));
        intake.put("procedureCode", Samples.ENTERPRISE);
        intake.put("channel", "COUNTER");
        String code = demo.post("/api/dossiers", intake).json().get("code").asText();
        String task = demo.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
        Api.Response refused = demo.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("decision", Map.of("value", "SUPPLEMENT"), "note", Map.of("value", "Thiếu" + NUL + "điều lệ"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("note").contains("U+0000");
        assertThat(demo.get("/engine-rest/task/" + task).status()).isEqualTo(200);
        assertThat(demo.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(1);
        Api.Response completed = demo.post("/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("decision", Map.of("value", "SUPPLEMENT"), "note", Map.of("value", "Thiếu điều lệ\ncông ty"))));
        assertThat(completed.status()).isEqualTo(204);
        assertThat(demo.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(5);
    }
}
