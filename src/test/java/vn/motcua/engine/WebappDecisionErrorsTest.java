package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.WebappSession;

/**
 * Tasklist completes tasks through the webapps' own engine API (/camunda/api/engine), not /engine-rest: a
 * decision the task does not accept is answered there as on the engine REST API, 400 with the reason in
 * Vietnamese and no engine code, and the task and dossier stay as they were.
 */
@MotcuaTest
class WebappDecisionErrorsTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @LocalServerPort int port;
    @Autowired MessageSource messages;

    @Test
    void aRefusalWithoutANoteIsAnsweredInVietnameseThroughTasklistsApi() throws Exception {
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        Api.Response created = counter.post("/api/dossiers", Map.of("procedureCode", "2.001610", "channel", "COUNTER",
                "applicant", Map.of("fullName", "Trương Văn Quyết", "idNumber", "046090001234", "phone", "0905123456",
                        "email", "citizen@example.com", "address", "10 Lê Lợi, phường Thuận Hóa, Huế"),
                "formData", Map.of()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        String task = counter.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
        String noteRequired = messages.getMessage("task.note.required", null, VI);

        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        String api = "/camunda/api/engine/engine/default/task/" + task;
        assertThat(tasklist.get(api + "/form-variables").status()).isEqualTo(200);

        WebappSession.Response refused = tasklist.post(api + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"REFUSE\",\"type\":\"String\"}}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode body = new ObjectMapper().readTree(refused.body());
        assertThat(body.get("type").asText()).isEqualTo("DecisionRejected");
        assertThat(body.get("message").asText()).isEqualTo(noteRequired);
        assertThat(refused.body()).doesNotContain("ENGINE-").doesNotContain("TaskListener");
        // the engine REST API says the same
        Api.Response direct = counter.post("/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of("decision", Map.of("value", "REFUSE"))));
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.json().get("message").asText()).isEqualTo(noteRequired);
        // nothing happened to the task or the dossier
        assertThat(tasklist.get(api).status()).isEqualTo(200);
        assertThat(counter.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(1);

        // other engine errors keep Camunda's own answer (an unknown task is a 500 there)
        WebappSession.Response missing = tasklist.post("/camunda/api/engine/engine/default/task/no-such-task/submit-form",
                "{\"variables\":{}}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(500);
        assertThat(missing.body()).contains("Cannot find task with id no-such-task");

        // and a valid decision still completes the task
        WebappSession.Response approved = tasklist.post(api + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        assertThat(counter.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(4);
    }
}
