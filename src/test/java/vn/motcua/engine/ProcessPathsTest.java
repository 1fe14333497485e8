package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierWorkflow;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.StatusChange;

/** One test per path through the lifecycle and the handling processes, on the real engine. */
@MotcuaTest
class ProcessPathsTest {

    /** Household business registration: received and handled by UBND phường Thuận Hóa. */
    static final String HOUSEHOLD_BUSINESS = "1.001612";
    /** Construction permit for a detached house: handled with a site inspection (Phú Xuân). */
    static final String CONSTRUCTION_PERMIT = "1.013225";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired Dossiers dossiers;
    @Autowired Driver driver;
    @Autowired DossierWorkflowAdapter workflow;
    @Autowired TaskForms forms;

    @BeforeEach
    void setUp() {
        init(engine);
        // Monday 24 Nov 2025, 09:00 in Huế
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-11-24T02:00:00Z")));
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void aTaskCompletedWhileTheDossierIsViewedIsLeftOutOfItsOpenTasks() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        Task found = driver.task(code, "Task_receptionCheck");
        assertThat(workflow.view(found)).hasValueSatisfying(open ->
                assertThat(open.candidateGroups()).containsExactly("phuongthuanhoa_reception"));
        // the view found the task; the counter officer completes it before its candidate groups are read
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);

        assertThat(workflow.view(found)).isEmpty();
        assertThat(workflow.openTasks(code)).extracting(DossierWorkflow.OpenTask::step).doesNotContain("Task_receptionCheck");
    }

    @Test
    void eachTaskIsGuardedByItsOwnStepsFormEveryTimeItIsAsked() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        Task check = driver.task(code, "Task_receptionCheck");
        for (int asked = 0; asked < 2; asked++) {
            assertThat(forms.formKey(check.getId())).contains("reception-check").contains(enginesFormKey(check));
        }
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        Task appraise = driver.task(code, "Task_appraise");
        for (int asked = 0; asked < 2; asked++) {
            assertThat(forms.formKey(appraise.getId())).contains("appraisal").contains(enginesFormKey(appraise));
        }
        // a task that ended, or never was, shows no form
        assertThat(forms.formKey(check.getId())).isEmpty();
        assertThat(forms.formKey("no-such-task")).isEmpty();
    }

    private String enginesFormKey(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult().getCamundaFormRef()
                .getKey();
    }

    @Test
    void acceptedThroughToReturned() {
        String code = intake(HOUSEHOLD_BUSINESS);
        ProcessInstance lifecycle = lifecycle(code);
        assertThat(lifecycle).isWaitingAt("Task_receptionCheck");
        assertThat(candidateGroups(task(code, "Task_receptionCheck"))).containsExactly("phuongthuanhoa_reception");

        complete(code, "Task_receptionCheck", "APPROVE", null);
        Dossier received = dossiers.require(code);
        assertThat(received.getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(received.getReceivedAt()).isEqualTo(Instant.parse("2025-11-24T02:00:00Z"));
        // 3 working days from Monday 09:00 is Thursday 09:00
        assertThat(received.getAppointmentAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toString())
                .startsWith("2025-11-27T09:00");

        ProcessInstance handling = handling(code);
        assertThat(handling.getBusinessKey()).isEqualTo(code);
        assertThat(handling).isWaitingAt("Task_appraise");
        assertThat(candidateGroups(task(code, "Task_appraise"))).containsExactly("phuongthuanhoa_specialists");
        complete(code, "Task_appraise", "APPROVE", "Đủ điều kiện");
        assertThat(candidateGroups(task(code, "Task_approve"))).containsExactly("phuongthuanhoa_leaders");
        complete(code, "Task_approve", "APPROVE", null);
        assertThat(handling).isEnded().hasPassed("Task_markDone", "EndEvent_approved");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.DONE);

        complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));
        assertThat(lifecycle).isEnded().hasPassed("Task_markReceived", "CallActivity_handling", "Task_returnResult",
                "Task_markReturned", "EndEvent_closed");
        Dossier done = dossiers.require(code);
        assertThat(done.getStatus().code()).isEqualTo(10);
        assertThat(done.getFinishedAt()).isNotNull();
        assertThat(done.getReturnedAt()).isNotNull();
        assertThat(statusCodes(code)).containsExactly(1, 2, 4, 9, 10);
        assertThat(dossiers.history(code).get(3).getNote()).isNull();
        assertThat(dossiers.history(code)).allMatch(h -> h.getActor().equals("demo"));
    }

    @Test
    void supplementAtReception() {
        String code = intake(HOUSEHOLD_BUSINESS);
        assertThatThrownBy(() -> complete(code, "Task_receptionCheck", "SUPPLEMENT", " "))
                .hasMessageContaining("note");
        complete(code, "Task_receptionCheck", "SUPPLEMENT", "Thiếu bản sao CCCD của chủ hộ");
        ProcessInstance lifecycle = lifecycle(code);
        // a task of the counter that asked; the citizen's online supplement (or the API's) ends it
        assertThat(lifecycle).isWaitingAt("Task_recordSupplement");
        assertThat(candidateGroups(task(code, "Task_recordSupplement"))).containsExactly("phuongthuanhoa_reception");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(dossiers.require(code).getReceivedAt()).isNull();

        dossiers.supplementReceived(code);
        assertThat(lifecycle).hasPassed("Event_supplementOnline");
        assertThat(lifecycle).isWaitingAt("Task_receptionCheck");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.NEW);
        // the earlier decision does not carry over: the officer decides again
        assertThat(runtime.getVariable(lifecycle.getId(), "decision")).isNull();

        complete(code, "Task_receptionCheck", "APPROVE", null);
        assertThat(statusCodes(code)).containsExactly(1, 5, 1, 2, 4);
        StatusChange supplement = dossiers.history(code).get(1);
        assertThat(supplement.getNote()).isEqualTo("Thiếu bản sao CCCD của chủ hộ");
        assertThat(supplement.getStep()).isEqualTo("Task_requestSupplementAtReception");
    }

    @Test
    void supplementDuringAppraisal() {
        String code = intake(HOUSEHOLD_BUSINESS);
        complete(code, "Task_receptionCheck", "APPROVE", null);
        complete(code, "Task_appraise", "SUPPLEMENT", "Bổ sung hợp đồng thuê mặt bằng");
        ProcessInstance handling = handling(code);
        assertThat(handling).isWaitingAt("Task_recordSupplement");
        // the unit that asked records it: its specialists, or its own counter
        assertThat(candidateGroups(task(code, "Task_recordSupplement")))
                .containsExactlyInAnyOrder("phuongthuanhoa_specialists", "phuongthuanhoa_reception");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);

        dossiers.supplementReceived(code);
        assertThat(handling).isWaitingAt("Task_appraise");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        complete(code, "Task_appraise", "APPROVE", null);
        complete(code, "Task_approve", "APPROVE", null);
        complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "POST"));
        assertThat(statusCodes(code)).containsExactly(1, 2, 4, 5, 4, 9, 10);
    }

    @Test
    void supplementRecordedAtTheCounterWithTheChecklist() {
        String code = intake(HOUSEHOLD_BUSINESS);
        // the officer ticks the first two papers off the checklist; Form 02 lists exactly the others
        assertThat(tasks.getVariableLocal(task(code, "Task_receptionCheck").getId(), "paperOptions").toString())
                .contains("\"value\":\"0\"").contains("\"value\":\"3\"");
        complete(code, "Task_receptionCheck", "SUPPLEMENT", "Mang theo bản gốc để đối chiếu",
                Map.of("receivedPapers", papers("0", "1")));
        String note = dossiers.history(code).get(1).getNote();
        assertThat(note).startsWith("Giấy tờ còn thiếu:\n1. " + paperName(code, 2))
                .contains("\n2. " + paperName(code, 3)).endsWith("\nMang theo bản gốc để đối chiếu")
                .doesNotContain(paperName(code, 0)).doesNotContain(paperName(code, 1));

        // the supplement task offers only the papers still missing, and must record something
        Task record = task(code, "Task_recordSupplement");
        assertThat(tasks.getVariableLocal(record.getId(), "paperOptions").toString())
                .doesNotContain("\"value\":\"0\"").contains("\"value\":\"2\"").contains("\"value\":\"3\"");
        assertThatThrownBy(() -> complete(code, "Task_recordSupplement", null, null, Map.of("receivedPapers", papers())))
                .hasMessageContaining("Chưa ghi nhận gì");
        assertThatThrownBy(() -> complete(code, "Task_recordSupplement", null, null, Map.of("receivedPapers", papers("9"))))
                .hasMessageContaining("Giấy tờ thứ 10");
        complete(code, "Task_recordSupplement", null, null, Map.of("receivedPapers", papers("2", "3")));
        ProcessInstance lifecycle = lifecycle(code);
        assertThat(lifecycle).hasPassed("Task_recordSupplement").isWaitingAt("Task_receptionCheck");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.NEW);
        // everything received now: nothing left to tick
        assertThat(tasks.getVariableLocal(task(code, "Task_receptionCheck").getId(), "paperOptions").toString())
                .isEqualTo("[]");
        complete(code, "Task_receptionCheck", "APPROVE", null, Map.of("receivedPapers", papers()));
        assertThat(statusCodes(code)).containsExactly(1, 5, 1, 2, 4);
    }

    @Test
    void theLeaderReadsTheSpecialistsOpinionInTheDossierPanel() {
        String code = intake(HOUSEHOLD_BUSINESS);
        complete(code, "Task_receptionCheck", "APPROVE", null);
        complete(code, "Task_appraise", "APPROVE", "Đủ điều kiện cấp; địa điểm kinh doanh phù hợp");
        String panel = engine.getFormService().getTaskFormVariables(task(code, "Task_approve").getId())
                .get("dossierPanel").toString();
        assertThat(panel).contains("\"hasOpinion\":true")
                .contains("\"step\":\"Thẩm định hồ sơ\"")
                .contains("\"decision\":\"Đủ điều kiện — trình lãnh đạo phê duyệt\"")
                .contains("\"note\":\"Đủ điều kiện cấp; địa điểm kinh doanh phù hợp\"")
                // the officer who gave it, by name and user id
                .contains("\"by\":\"Quản trị hệ thống (demo)\"")
                // the history names its steps, never the BPMN ids
                .contains("Tiếp nhận, hẹn trả kết quả").doesNotContain("Task_markReceived")
                .contains("\"idNumber\":\"046190001234\"");
    }

    @Test
    void refusedAtReception() {
        String code = intake(HOUSEHOLD_BUSINESS);
        ProcessInstance lifecycle = lifecycle(code);
        complete(code, "Task_receptionCheck", "REFUSE", "Ngành nghề kinh doanh bị cấm");
        assertThat(lifecycle).isEnded().hasPassed("Task_markRefused", "EndEvent_refused")
                .hasNotPassed("Task_markReceived");
        Dossier refused = dossiers.require(code);
        assertThat(refused.getStatus().code()).isEqualTo(3);
        assertThat(refused.getFinishedAt()).isNotNull();
        assertThat(refused.getAppointmentAt()).isNull();
    }

    @Test
    void rejectedAtApproval() {
        String code = intake(HOUSEHOLD_BUSINESS);
        ProcessInstance lifecycle = lifecycle(code);
        complete(code, "Task_receptionCheck", "APPROVE", null);
        ProcessInstance handling = handling(code);
        complete(code, "Task_appraise", "APPROVE", null);
        complete(code, "Task_approve", "REFUSE", "Địa điểm kinh doanh không phù hợp quy hoạch");
        assertThat(handling).isEnded().hasPassed("Task_markRejected", "EndEvent_rejected");
        assertThat(lifecycle).isEnded().hasPassed("EndEvent_stopped").hasNotPassed("Task_returnResult");
        assertThat(statusCodes(code)).containsExactly(1, 2, 4, 8);
        assertThat(dossiers.require(code).getFinishedAt()).isNotNull();
    }

    @Test
    void stoppedAtAppraisal() {
        String code = intake(HOUSEHOLD_BUSINESS);
        complete(code, "Task_receptionCheck", "APPROVE", null);
        ProcessInstance handling = handling(code);
        complete(code, "Task_appraise", "REFUSE", "Người nộp đề nghị dừng");
        assertThat(handling).isEnded().hasPassed("Task_markStopped", "EndEvent_stopped");
        assertThat(statusCodes(code)).containsExactly(1, 2, 4, 8);
    }

    @Test
    void constructionPermitGoesThroughASiteInspection() {
        String code = intake(CONSTRUCTION_PERMIT);
        complete(code, "Task_receptionCheck", "APPROVE", null);
        ProcessInstance handling = handling(code);
        assertThat(handling.getProcessDefinitionId()).startsWith("handlingSiteInspection:");
        complete(code, "Task_appraise", "APPROVE", null);
        assertThat(candidateGroups(task(code, "Task_inspectSite"))).containsExactly("phuongphuxuan_specialists");
        complete(code, "Task_inspectSite", "APPROVE", "Hiện trạng phù hợp bản vẽ");
        complete(code, "Task_approve", "APPROVE", null);
        // an electronic return needs the electronic result attached first
        assertThatThrownBy(() -> complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "ONLINE")))
                .hasMessageContaining("đính kèm tệp kết quả");
        complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));
        assertThat(handling).hasPassed("Task_inspectSite");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.RETURNED);
    }

    @Test
    void aDecisionTheTaskDoesNotOfferIsRejectedAndTheTaskStaysOpen() {
        String code = intake(HOUSEHOLD_BUSINESS);
        complete(code, "Task_receptionCheck", "APPROVE", null);
        complete(code, "Task_appraise", "APPROVE", null);
        // approval offers APPROVE and REFUSE only
        assertThatThrownBy(() -> complete(code, "Task_approve", "SUPPLEMENT", "?"))
                .hasMessageContaining("APPROVE, REFUSE");
        assertThatThrownBy(() -> complete(code, "Task_approve", null, null)).hasMessageContaining("decision");
        assertThat(task(code, "Task_approve")).isNotNull();
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @Test
    void tasksShowTheDossiersKeyFacts() {
        String code = intake(HOUSEHOLD_BUSINESS);
        Task reception = task(code, "Task_receptionCheck");
        Map<String, Object> facts = tasks.getVariablesLocal(reception.getId());
        assertThat(facts).containsEntry("applicantName", "Trần Thị Bình")
                .containsEntry("procedureName", "Đăng ký thành lập hộ kinh doanh")
                .containsEntry("appointmentDate", "chưa có");
        complete(code, "Task_receptionCheck", "APPROVE", null);
        assertThat(tasks.getVariablesLocal(task(code, "Task_appraise").getId()))
                .containsEntry("receivedAt", "09:00 24/11/2025")
                .containsEntry("appointmentDate", "09:00 27/11/2025");
        // the process itself carries the code and the decisions, not copies of the dossier
        assertThat(runtime.getVariables(lifecycle(code).getId()).keySet())
                .contains("dossierCode").isSubsetOf("dossierCode", "decision", "note", "handlingOutcome");
    }

    // --- helpers (the driver's, named as the tests read them)

    private String intake(String procedure) {
        return driver.intake(procedure);
    }

    private ProcessInstance lifecycle(String code) {
        return driver.lifecycle(code);
    }

    private ProcessInstance handling(String code) {
        return driver.handling(code);
    }

    private Task task(String code, String step) {
        return driver.task(code, step);
    }

    private List<String> candidateGroups(Task task) {
        return driver.candidateGroups(task);
    }

    private void complete(String code, String step, String decision, String note) {
        driver.complete(code, step, decision, note);
    }

    private void complete(String code, String step, String decision, String note, Map<String, Object> more) {
        driver.complete(code, step, decision, note, more);
    }

    private static Object papers(String... positions) {
        return SpinValues.jsonValue(java.util.Arrays.stream(positions).map(p -> "\"" + p + "\"").toList().toString())
                .create();
    }

    private String paperName(String code, int position) {
        return dossiers.procedureOf(dossiers.require(code)).getDocuments().get(position).name();
    }

    private List<Integer> statusCodes(String code) {
        return dossiers.history(code).stream().map(h -> h.getTo().code()).toList();
    }
}
