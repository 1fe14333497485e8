package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.WebappSession;

/**
 * The engine identifies a dossier by its process instance's business key, and no caller of either engine
 * REST API may write a variable the engine owns: the centre's counter officer tries to act on a ward's
 * dossier by rewriting {@code dossierCode} on its own task, and the ward's dossier stays as it was.
 */
@MotcuaTest
class EngineVariablesTest {

    /** Business registration, received by the city's public administrative service centre. */
    static final String CENTRE_PROCEDURE = "2.001610";
    /** Birth registration, received by Thuận Hóa ward. */
    static final String WARD_PROCEDURE = "1.001193";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired HistoryService history;
    @Autowired MailServer mail;

    Api anonymous;
    Api centre;
    Api ward;
    Api admin;

    record Filed(String code, String task, String instance) {
    }

    @BeforeEach
    void clients() {
        clock("2025-11-24T09:00+07:00");
        anonymous = Api.at(port);
        centre = anonymous.as("tiepnhan.hcc", "demo");
        ward = anonymous.as("tiepnhan.thuanhoa", "demo");
        admin = anonymous.as("demo", "demo");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void completingOwnTaskWithAnotherUnitsDossierCodeIsRefusedAndChangesNothing() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Lê Văn An");
        Filed theirs = file(ward, WARD_PROCEDURE, "Trần Thị Bé");
        JsonNode theirsBefore = dossier(ward, theirs.code());

        Api.Response refused = centre.post("/engine-rest/task/" + own.task() + "/complete", Map.of("variables", Map.of(
                "decision", Map.of("value", "REFUSE"), "note", Map.of("value", "Không thuộc thẩm quyền"),
                "dossierCode", Map.of("value", theirs.code()))));

        assertRefused(refused, "dossierCode");
        assertThat(centre.get("/engine-rest/task/" + own.task()).status()).isEqualTo(200);
        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(1);
        assertUntouched(theirs, theirsBefore);
        assertCompletable(ward, theirs);
    }

    @Test
    void rewritingTheDossierCodeOfOwnTaskIsRefusedAndApproveActsOnOwnDossierOnly() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Phạm Văn Cường");
        Filed theirs = file(ward, WARD_PROCEDURE, "Hoàng Thị Dung");
        JsonNode theirsBefore = dossier(ward, theirs.code());
        Map<String, Object> value = Map.of("value", theirs.code(), "type", "String");
        String task = "/engine-rest/task/" + own.task();

        assertRefused(centre.put(task + "/variables/dossierCode", value), "dossierCode");
        assertRefused(centre.put(task + "/localVariables/dossierCode", value), "dossierCode");
        // however the name is spelled in the path, or whichever engine it names
        // a name spelled with percent-encoded letters does not even reach the guard
        assertThat(centre.put(task + "/variables/dossier%43ode", value).status()).isEqualTo(400);
        assertRefused(centre.put("/engine-rest/engine/default/task/" + own.task() + "/variables/dossierCode", value),
                "dossierCode");
        assertRefused(centre.post(task + "/variables", Map.of("modifications", Map.of("dossierCode", value))),
                "dossierCode");
        assertRefused(centre.post(task + "/localVariables", Map.of("deletions", List.of("handlingOutcome"))),
                "handlingOutcome");
        assertRefused(centre.delete(task + "/variables/dossierCode"), "dossierCode");
        // an allow-list, not a deny-list: a name no form asks for is refused as well
        assertRefused(centre.put(task + "/variables/anythingElse", value), "anythingElse");
        // a body the guard cannot read is not passed on
        assertThat(centre.post(task + "/complete", "{\"variables\":{},\"variables\":{\"dossierCode\":{}}}").status())
                .isEqualTo(400);
        assertThat(runtime.getVariable(own.instance(), ProcessVariables.DOSSIER_CODE)).isEqualTo(own.code());

        assertThat(centre.post(task + "/complete", Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))))
                .status()).isEqualTo(204);
        JsonNode received = dossier(centre, own.code());
        assertThat(received.get("statusCode").asInt()).isEqualTo(4);
        assertThat(received.get("tasks").get(0).get("step").asText()).isEqualTo("Task_appraise");
        assertUntouched(theirs, theirsBefore);
        assertCompletable(ward, theirs);
    }

    @Test
    void tasklistsSubmitFormIsGuardedToo() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Võ Văn Em");
        Filed theirs = file(ward, WARD_PROCEDURE, "Đặng Thị Giang");
        JsonNode theirsBefore = dossier(ward, theirs.code());
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        String submit = "/camunda/api/engine/engine/default/task/" + own.task() + "/submit-form";
        // as Tasklist does when it opens the task (and the signed-in session gets its CSRF token)
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + own.task() + "/form-variables").status())
                .isEqualTo(200);

        WebappSession.Response refused = tasklist.post(submit, "{\"variables\":{"
                + "\"decision\":{\"value\":\"REFUSE\",\"type\":\"String\"},"
                + "\"note\":{\"value\":\"Sai thẩm quyền\",\"type\":\"String\"},"
                + "\"dossierCode\":{\"value\":\"" + theirs.code() + "\",\"type\":\"String\"}}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains(EngineVariableGuard.REFUSED).contains("dossierCode");
        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(1);
        assertUntouched(theirs, theirsBefore);

        // what the reception form itself submits still goes through
        WebappSession.Response approved = tasklist.post(submit, "{\"variables\":{"
                + "\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"},"
                + "\"note\":{\"value\":\"Đủ hồ sơ\",\"type\":\"String\"}}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(4);
        assertUntouched(theirs, theirsBefore);
        assertCompletable(ward, theirs);
    }

    @Test
    void administratorsCannotWriteEngineOwnedVariablesEither() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Bùi Văn Hải");
        String instance = "/engine-rest/process-instance/" + own.instance();
        Map<String, Object> approved = Map.of("value", "APPROVED", "type", "String");

        assertRefused(admin.put(instance + "/variables/handlingOutcome", approved), "handlingOutcome");
        assertRefused(admin.post(instance + "/variables", Map.of("modifications", Map.of("targetStatus", approved))),
                "targetStatus");
        assertRefused(admin.post("/engine-rest/message", Map.of("messageName", "SupplementReceived",
                "businessKey", own.code(), "processVariables", Map.of("dossierCode", approved))), "dossierCode");
        // nor start a process bound to a dossier: the application starts every process itself
        Api.Response start = admin.post("/engine-rest/process-definition/key/stepEscalation/start",
                Map.of("businessKey", own.code()));
        assertThat(start.status()).as(start.body()).isEqualTo(403);
        assertThat(start.json().get("type").asText()).isEqualTo(EngineVariableGuard.REFUSED);
        assertThat(admin.post("/engine-rest/engine/default/process-definition/key/dossierLifecycle/tenant-id/x/submit-form",
                Map.of("businessKey", own.code())).status()).isEqualTo(403);
        assertRefused(admin.post("/engine-rest/process-instance/" + own.instance() + "/modification", Map.of(
                "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_receptionCheck",
                        "variables", Map.of("supervisorsGroup", Map.of("value", "hcc_reception", "local", true)))))),
                "supervisorsGroup");

        WebappSession cockpit = new WebappSession(port);
        assertThat(cockpit.login("cockpit", "demo", "demo")).isEqualTo(200);
        assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance/" + own.instance()).status())
                .isEqualTo(200);
        WebappSession.Response refused = cockpit.post("/camunda/api/engine/engine/default/process-instance/"
                + own.instance() + "/variables", "{\"modifications\":{\"dossierCode\":{\"value\":\"x\"}}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains(EngineVariableGuard.REFUSED);

        assertThat(runtime.getVariables(own.instance())).containsEntry("dossierCode", own.code())
                .doesNotContainKeys("handlingOutcome", "targetStatus");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(own.code())
                .processDefinitionKey("stepEscalation").count()).isZero();
        // who is not signed in still hears that first
        assertThat(anonymous.put(instance + "/variables/handlingOutcome", approved).status()).isEqualTo(401);
    }

    @Test
    void aTaskCarryingALocalEngineOwnedVariableCannotBeCompleted() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Ngô Văn Khoa");
        // a path around the guard (here the Java API) that leaves a shadowing local on the task
        taskService.setVariableLocal(own.task(), ProcessVariables.STEP_TASK_ID, "another-task");

        Api.Response refused = centre.post("/engine-rest/task/" + own.task() + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("stepTaskId");
        assertThat(centre.get("/engine-rest/task/" + own.task()).status()).isEqualTo(200);
        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(1);
    }

    @Test
    void theDossierCodeVariableDecidesNothing() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Lý Thị Lan");
        Filed theirs = file(ward, WARD_PROCEDURE, "Mạc Văn Minh");
        JsonNode theirsBefore = dossier(ward, theirs.code());
        // even if the display copy were rewritten behind the guard's back
        runtime.setVariable(own.instance(), ProcessVariables.DOSSIER_CODE, theirs.code());

        assertThat(centre.post("/engine-rest/task/" + own.task() + "/complete", Map.of("variables", Map.of(
                "decision", Map.of("value", "REFUSE"), "note", Map.of("value", "Không đủ điều kiện")))).status())
                .isEqualTo(204);

        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(3);
        assertUntouched(theirs, theirsBefore);
        assertCompletable(ward, theirs);
    }

    @Test
    void aBpmnErrorOrEscalationFromATaskIsRefusedAndTheDossierGoesOn() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Tạ Văn Lỗi");
        JsonNode before = dossier(centre, own.code());
        for (String operation : List.of("bpmnError", "bpmnEscalation")) {
            for (Api caller : List.of(centre, admin)) {
                Api.Response refused = caller.post("/engine-rest/task/" + own.task() + "/" + operation,
                        Map.of("errorCode", "x", "escalationCode", "x"));
                assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                assertThat(refused.json().get("type").asText()).isEqualTo(EngineVariableGuard.REFUSED);
            }
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(own.instance()).count()).isOne();
        assertThat(dossier(centre, own.code()).get("history")).isEqualTo(before.get("history"));
        assertCompletable(centre, own);
    }

    @Test
    void aLocalDecisionCannotHideTheProcesssOwnFromTheDecisionCheck() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Kha Thị Cục");
        Map<String, Object> approve = Map.of("value", "APPROVE", "type", "String");
        assertThat(centre.put("/engine-rest/task/" + own.task() + "/localVariables/decision", approve).status())
                .isEqualTo(403);
        assertThat(centre.post("/engine-rest/task/" + own.task() + "/localVariables",
                Map.of("modifications", Map.of("decision", approve))).status()).isEqualTo(403);
        assertThat(taskService.getVariablesLocal(own.task())).doesNotContainKey("decision");

        // a path around the guard (the Java API) that leaves such a local: the completion is refused all the same
        taskService.setVariableLocal(own.task(), "decision", "APPROVE");
        Api.Response refused = centre.post("/engine-rest/task/" + own.task() + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "REFUSE"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("decision");
        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(own.code())
                .processDefinitionKey("satisfactionSurvey").count()).isZero();
    }

    @Test
    void theTasksDueDateGroupsAndDelegationDoNotChangeThroughTheApi() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Âu Văn Hạn");
        JsonNode task = centre.get("/engine-rest/task/" + own.task()).json();
        String task1 = "/engine-rest/task/" + own.task();
        Map<String, Object> later = Map.of("name", task.get("name").asText(), "due", "2099-01-01T00:00:00.000+0700");
        for (Api.Response refused : List.of(centre.put(task1, later),
                centre.post(task1 + "/identity-links/delete", Map.of("groupId", "hcc_reception", "type", "candidate")),
                centre.post(task1 + "/identity-links", Map.of("groupId", "sotaichinh_specialists", "type", "candidate")),
                centre.post(task1 + "/delegate", Map.of("userId", "tiepnhan.thuanhoa")),
                centre.delete(task1),
                admin.put(task1, later),
                admin.post("/engine-rest/task/create", Map.of("name", "Việc riêng")),
                admin.post("/engine-rest/deployment/create", Map.of()),
                admin.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 1)))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("type").asText()).isEqualTo(EngineVariableGuard.REFUSED);
        }
        JsonNode after = centre.get(task1).json();
        assertThat(after.get("due").asText()).isEqualTo(task.get("due").asText());
        assertThat(taskService.getIdentityLinksForTask(own.task())).extracting(link -> link.getGroupId())
                .contains("hcc_reception").doesNotContain("sotaichinh_specialists");
    }

    @Test
    void aCommentWithAControlCharacterIsRefused() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Vi Văn Ý");
        Api.Response refused = centre.post("/engine-rest/task/" + own.task() + "/comment/create",
                Map.of("message", "Đã gọi\u0000 công dân \u202Eabc"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("ký tự điều khiển");
        assertThat(taskService.getTaskComments(own.task())).isEmpty();
        Api.Response plain = admin.post("/engine-rest/task/" + own.task() + "/comment/create",
                Map.of("message", "Đã gọi điện cho công dân,\nhẹn bổ sung giấy tờ."));
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
    }

    @Test
    void aNoteOrReasonWithAControlCharacterCannotCompleteATaskWhicheverApiWroteIt() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Lạc Văn Ghi");
        // written behind the REST checks: the completion itself refuses it
        runtime.setVariable(own.instance(), "note", "Thiếu\u0000giấy tờ");
        Api.Response refused = centre.post("/engine-rest/task/" + own.task() + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("note");
        assertThat(dossier(centre, own.code()).get("statusCode").asInt()).isEqualTo(1);
    }

    @Test
    void theHistoryCleanupReportsCountingEveryUnitAreNotServed() {
        for (String report : List.of("process-definition/cleanable-process-instance-report",
                "process-definition/cleanable-process-instance-report/count",
                "decision-definition/cleanable-decision-instance-report", "batch/cleanable-batch-report")) {
            for (Api caller : List.of(anonymous.as("giamsat.taichinh", "demo"), admin)) {
                Api.Response refused = caller.get("/engine-rest/history/" + report);
                assertThat(refused.status()).as(report + " " + refused.body()).isEqualTo(403);
            }
        }
        assertThat(anonymous.as("giamsat.taichinh", "demo").get("/engine-rest/history/process-instance").status())
                .isEqualTo(200);
    }

    @Test
    void onATaskOnlyThatTasksOwnFormFieldsMayBeWritten() {
        Filed own = file(centre, CENTRE_PROCEDURE, "Đoàn Văn Mẫu");
        // reason and extensionDays are fields of the apology's draft form, not of the reception check
        for (String field : List.of("reason", "extensionDays", "newAssignee")) {
            assertRefused(centre.put("/engine-rest/task/" + own.task() + "/variables/" + field,
                    Map.of("value", "x", "type", "String")), field);
            assertRefused(centre.post("/engine-rest/task/" + own.task() + "/complete", Map.of("variables", Map.of(
                    "decision", Map.of("value", "APPROVE"), field, Map.of("value", "x")))), field);
        }
        assertThat(runtime.getVariables(own.instance())).doesNotContainKeys("reason", "extensionDays", "newAssignee");
        assertThat(centre.put("/engine-rest/task/" + own.task() + "/variables/note",
                Map.of("value", "Đủ giấy tờ", "type", "String")).status()).isEqualTo(204);
        assertCompletable(centre, own);
    }

    private Filed file(Api officer, String procedure, String name) {
        Api.Response created = officer.post("/api/dossiers", intake(procedure, name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        JsonNode task = officer.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0);
        return new Filed(code, task.get("id").asText(), task.get("processInstanceId").asText());
    }

    private static Map<String, Object> intake(String procedure, String name) {
        return Map.of("procedureCode", procedure, "channel", "COUNTER",
                "applicant", Map.of("fullName", name, "idNumber", "046090001234", "phone", "0905123456",
                        "email", "citizen@example.com", "address", "10 Lê Lợi, phường Thuận Hóa, Huế"),
                "formData", Map.of());
    }

    private static JsonNode dossier(Api officer, String code) {
        Api.Response response = officer.get("/api/dossiers/" + code);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertRefused(Api.Response response, String variable) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("type").asText()).isEqualTo(EngineVariableGuard.REFUSED);
        assertThat(body.get("message").asText()).contains(variable);
        assertThat(body.get("variables").get(0).asText()).isEqualTo(variable);
    }

    /** The other unit's dossier kept its status and history, and no mail or survey went out about it. */
    private void assertUntouched(Filed theirs, JsonNode before) {
        JsonNode now = dossier(ward, theirs.code());
        assertThat(now.get("statusCode").asInt()).isEqualTo(before.get("statusCode").asInt());
        assertThat(now.get("history")).isEqualTo(before.get("history"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(theirs.code())
                .processDefinitionKeyIn("citizenNotice", "satisfactionSurvey").count()).isZero();
        assertThat(mail.about(theirs.code())).isEmpty();
        assertThat(ward.get("/engine-rest/task/" + theirs.task()).status()).isEqualTo(200);
    }

    /** The other unit's own officer can still work its task: received, it goes on to handling. */
    private void assertCompletable(Api officer, Filed theirs) {
        assertThat(officer.post("/engine-rest/task/" + theirs.task() + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))).status()).isEqualTo(204);
        assertThat(dossier(officer, theirs.code()).get("statusCode").asInt()).isEqualTo(4);
    }
}
