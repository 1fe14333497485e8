package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Escalation;
import vn.motcua.deadline.Handover;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Verdict;

/**
 * The interconnected sets (liên thông): one dossier, one code, one appointment, several agencies,
 * each in its own part process with its own share of the time.
 */
@MotcuaTest
class InterconnectedSetsTest {

    /** Birth registration + permanent residence + health-insurance card for a child under 6 (3 working days). */
    static final String BIRTH_SET = "LT.KS-TT-BHYT";
    /** Land transfer registration with the tax authority's financial obligation (8 working days). */
    static final String LAND_SET = "LT.BD-CN-QSDD";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Deadlines deadlines;
    @Autowired MailServer mail;

    @BeforeEach
    void setUp() {
        init(engine);
        clock("2025-11-24T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void theBirthSetRunsTheWardThenThePoliceAndSocialInsuranceSideBySide() {
        String code = driver.intake(BIRTH_SET);
        ProcessInstance lifecycle = driver.lifecycle(code);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        // one appointment for the whole set: 3 working days
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2025-11-27T09:00+07:00"));

        Task birth = driver.task(code, "Task_birthRegister");
        assertThat(driver.candidateGroups(birth)).containsExactly("phuongthuanhoa_specialists");
        assertThat(birth.getDueDate().toInstant()).isEqualTo(at("2025-11-25T09:00+07:00"));
        assertThat(driver.hasTask(code, "Task_residenceRegister")).isFalse();
        clock("2025-11-24T14:00+07:00");
        driver.complete(code, "Task_birthRegister", "APPROVE", null);

        // then both agencies at once, each with its own group and 14 working hours
        Task residence = driver.task(code, "Task_residenceRegister");
        Task insurance = driver.task(code, "Task_insuranceCard");
        assertThat(driver.candidateGroups(residence)).containsExactly("conganthuanhoa_specialists");
        assertThat(driver.candidateGroups(insurance)).containsExactly("bhxhhue_specialists");
        // 14 working hours from Monday 14:00: Monday 3 h, Tuesday 8 h, Wednesday 07:00-10:00
        assertThat(residence.getDueDate().toInstant()).isEqualTo(at("2025-11-26T10:00+07:00"));
        assertThat(tasks.getVariablesLocal(residence.getId())).containsEntry("unitName", "Công an phường Thuận Hóa");
        driver.complete(code, "Task_insuranceCard", "APPROVE", null);
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        driver.complete(code, "Task_residenceRegister", "APPROVE", null);

        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.DONE);
        assertThat(driver.candidateGroups(driver.task(code, "Task_returnResult")))
                .containsExactly("phuongthuanhoa_reception");
        driver.complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));
        assertThat(lifecycle).isEnded().hasPassed("EndEvent_closed");
        assertThat(deadlines.handovers(code)).extracting(Handover::getStep, Handover::getUnitKey)
                .containsExactly(tuple("receptionCheck", "phuongthuanhoa"), tuple("birthRegister", "phuongthuanhoa"),
                        tuple("residenceRegister", "conganthuanhoa"), tuple("insuranceCard", "bhxhhue"),
                        tuple("returnResult", "phuongthuanhoa"));
        assertThat(deadlines.verdict(dossiers.require(code))).contains(Verdict.EARLY);
    }

    @Test
    void aLateAgencyIsEscalatedToItsOwnSupervisorsAndCarriesTheLateVerdict() {
        String code = driver.intake(BIRTH_SET);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        driver.complete(code, "Task_birthRegister", "APPROVE", null);
        driver.complete(code, "Task_insuranceCard", "APPROVE", null);

        // the police's 14 working hours from Monday 09:00 end Tuesday 17:00; on Wednesday they are late
        assertThat(driver.task(code, "Task_residenceRegister").getDueDate().toInstant())
                .isEqualTo(at("2025-11-25T17:00+07:00"));
        clock("2025-11-26T08:00+07:00");
        driver.execute(driver.taskTimers(code, "Task_residenceRegister").get(1));
        assertThat(deadlines.escalations(code)).extracting(Escalation::getStep, Escalation::getGroupId)
                .containsExactly(tuple("residenceRegister", "conganthuanhoa_supervisors"));
        driver.complete(code, "Task_residenceRegister", "APPROVE", null);

        List<Handover> steps = deadlines.handovers(code);
        assertThat(steps).filteredOn(h -> h.getStep().equals("residenceRegister"))
                .extracting(Handover::getVerdict).containsExactly(Verdict.LATE);
        assertThat(steps).filteredOn(h -> h.getStep().equals("insuranceCard") || h.getStep().equals("birthRegister"))
                .extracting(Handover::getVerdict).doesNotContain(Verdict.LATE);
    }

    @Test
    void theLandSetWaitsForTheTaxesWithoutCountingAndTheTaxAuthorityCanSendItBack() {
        String code = driver.intake(LAND_SET);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2025-12-04T09:00+07:00"));
        assertThat(driver.candidateGroups(driver.task(code, "Task_landAppraise"))).containsExactly("vpdkdd_specialists");
        driver.complete(code, "Task_landAppraise", "APPROVE", null);

        // the tax authority finds wrong data and sends it back with the reason
        assertThat(driver.candidateGroups(driver.task(code, "Task_taxAssess"))).containsExactly("thuehue_specialists");
        clock("2025-11-24T10:00+07:00");
        driver.complete(code, "Task_taxAssess", "RETURN", "Diện tích trên hợp đồng khác giấy chứng nhận");
        Task again = driver.task(code, "Task_landAppraise");
        // the land office's step starts again with its own share, counted from the send-back
        assertThat(again.getDueDate().toInstant()).isEqualTo(at("2025-11-26T10:00+07:00"));
        driver.complete(code, "Task_landAppraise", "APPROVE", null);
        driver.complete(code, "Task_taxAssess", "APPROVE", null);

        // the citizen pays: status 6, the clock stands
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.FEES_DUE);
        assertThat(dossiers.require(code).isPaused()).isTrue();
        driver.sendCitizenNotices(code);
        assertThat(mail.single(code, "nghĩa vụ tài chính")).isNotNull();
        clock("2025-11-26T10:00+07:00");
        dossiers.feesPaid(code);
        Dossier resumed = dossiers.require(code);
        // waited Monday 10:00 to Wednesday 10:00: 16 working hours, added to the appointment
        assertThat(resumed.getPausedMinutes()).isEqualTo(16 * 60);
        assertThat(resumed.getAppointmentAt()).isEqualTo(at("2025-12-08T09:00+07:00"));
        assertThat(resumed.getSupplementRequests()).isZero();

        assertThat(driver.candidateGroups(driver.task(code, "Task_landApprove"))).containsExactly("sonnmt_leaders");
        driver.complete(code, "Task_landApprove", "APPROVE", null);
        driver.complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.RETURNED);
        assertThat(dossiers.history(code)).extracting(h -> h.getTo().code()).containsSubsequence(2, 4, 6, 4, 9, 10);
        assertThat(dossiers.history(code)).anySatisfy(h -> assertThat(h.getNote()).contains("nghĩa vụ tài chính"));
        assertThat(deadlines.handovers(code)).extracting(Handover::getStep, Handover::getUnitKey).containsExactly(
                tuple("receptionCheck", "hcc"), tuple("landAppraise", "vpdkdd"), tuple("taxAssess", "thuehue"),
                tuple("landAppraise", "vpdkdd"), tuple("taxAssess", "thuehue"), tuple("landApprove", "sonnmt"),
                tuple("returnResult", "hcc"));
    }
    @Test
    void theCentresCounterRecordsThePaymentInTasklistWithItsReceiptAndTheClockResumes() {
        String code = driver.intake(LAND_SET);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        driver.complete(code, "Task_landAppraise", "APPROVE", null);
        clock("2025-11-24T10:00+07:00");
        driver.complete(code, "Task_taxAssess", "APPROVE", null);
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.FEES_DUE);

        // the payment is a task of the centre's counter, with no step deadline: the citizen's time is not counted
        Task fees = driver.task(code, "Task_recordFeesPaid");
        assertThat(driver.candidateGroups(fees)).containsExactly("hcc_reception");
        assertThat(fees.getDueDate()).isNull();
        String complete = "/engine-rest/task/" + fees.getId() + "/complete";
        clock("2025-11-26T10:00+07:00");

        // a ward's counter cannot record it, and the centre's counter must name the receipt
        Api.Response foreign = Api.at(port).as("tiepnhan.thuanhoa", "demo").post(complete,
                Map.of("variables", Map.of("note", Map.of("value", "Giấy nộp tiền số 1"))));
        assertThat(foreign.status()).as(foreign.body()).isIn(403, 404);
        Api centre = Api.at(port).as("tiepnhan.hcc", "demo");
        Api.Response empty = centre.post(complete, Map.of("variables", Map.of("note", Map.of("value", "  "))));
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).contains("chứng từ nộp thuế, lệ phí").doesNotContain("ENGINE-");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.FEES_DUE);
        assertThat(driver.hasTask(code, "Task_recordFeesPaid")).isTrue();

        Api.Response paid = centre.post(complete, Map.of("variables",
                Map.of("note", Map.of("value", "Giấy nộp tiền số 0012345 ngày 26/11/2025, Kho bạc Nhà nước Huế"))));
        assertThat(paid.status()).as(paid.body()).isEqualTo(204);
        Dossier resumed = dossiers.require(code);
        assertThat(resumed.getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
        // waited Monday 10:00 to Wednesday 10:00: 16 working hours, added to the appointment
        assertThat(resumed.getPausedMinutes()).isEqualTo(16 * 60);
        assertThat(resumed.getAppointmentAt()).isEqualTo(at("2025-12-08T09:00+07:00"));
        Task approval = driver.task(code, "Task_landApprove");
        assertThat(driver.candidateGroups(approval)).containsExactly("sonnmt_leaders");
        // the signing leader's form shows which receipt was recorded
        Api.Response panel = Api.at(port).as("lanhdao.sonnmt", "demo")
                .get("/engine-rest/task/" + approval.getId() + "/form-variables?deserializeValues=false");
        assertThat(panel.status()).as(panel.body()).isEqualTo(200);
        assertThat(panel.json().path("dossierPanel").path("value").asText()).contains("Giấy nộp tiền số 0012345").contains("Ghi nhận đã nộp thuế, lệ phí");
        assertThat(dossiers.history(code)).anySatisfy(h -> assertThat(h.getNote()).contains("nghĩa vụ tài chính"));
    }
}
