package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.springframework.transaction.support.TransactionTemplate;
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
 * The deadline paths, moving the engine clock: on time, due soon, a step overdue and escalated,
 * a dossier at risk re-appointed with an apology, a supplement pause moving the deadlines, and a
 * stop ending the clock. The household business registration (1.001612) takes 3 working days:
 * appraisal 16 h, approval 4 h, result return 4 h, all at UBND phường Thuận Hóa.
 */
@MotcuaTest
class DeadlinePathsTest {

    static final String HOUSEHOLD_BUSINESS = "1.001612";
    /** Monday 24 Nov 2025, 09:00 in Huế. */
    static final String MONDAY_9 = "2025-11-24T09:00+07:00";

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired Dossiers dossiers;
    @Autowired Deadlines deadlines;
    @Autowired Driver driver;
    @Autowired MailServer mail;
    @Autowired TransactionTemplate transactions;
    @Autowired DataSource dataSource;
    @LocalServerPort int port;

    @BeforeEach
    void setUp() {
        init(engine);
        clock(MONDAY_9);
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void onTimeEveryStepCarriesItsDueDateAndEndsWithItsVerdict() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        // the counter has one working day to check a filed dossier
        assertThat(driver.task(code, "Task_receptionCheck").getDueDate().toInstant()).isEqualTo(at("2025-11-25T09:00+07:00"));

        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        Task appraise = driver.task(code, "Task_appraise");
        // 16 working hours from Monday 09:00: Monday 6 h, Tuesday 8 h, Wednesday 07:00-09:00
        assertThat(appraise.getDueDate().toInstant()).isEqualTo(at("2025-11-26T09:00+07:00"));
        // due soon 4 working hours before: Wednesday 07:00-09:00 and Tuesday 15:00-17:00
        assertThat(appraise.getFollowUpDate().toInstant()).isEqualTo(at("2025-11-25T15:00+07:00"));
        assertThat(driver.taskTimers(code, "Task_appraise")).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(at("2025-11-25T15:00+07:00"), at("2025-11-26T09:00+07:00"));
        // the appointment watch: one working day before Thursday 09:00
        assertThat(watchTimer(code).getDuedate().toInstant()).isEqualTo(at("2025-11-26T09:00+07:00"));

        clock("2025-11-24T14:00+07:00");
        driver.complete(code, "Task_appraise", "APPROVE", null);
        // approval: 4 working hours from Monday 14:00 is Tuesday 08:00
        assertThat(driver.task(code, "Task_approve").getDueDate().toInstant()).isEqualTo(at("2025-11-25T08:00+07:00"));
        clock("2025-11-24T15:00+07:00");
        driver.complete(code, "Task_approve", "APPROVE", null);
        assertThat(driver.task(code, "Task_returnResult").getDueDate().toInstant())
                .isEqualTo(at("2025-11-25T09:00+07:00"));
        clock("2025-11-25T08:30+07:00");
        driver.complete(code, "Task_returnResult", null, null, Map.of("returnMethod", "COUNTER"));

        assertThat(deadlines.handovers(code)).extracting(Handover::getStep, Handover::getUnitKey, Handover::getVerdict)
                .containsExactly(
                        tuple("receptionCheck", "phuongthuanhoa", Verdict.EARLY),
                        tuple("appraise", "phuongthuanhoa", Verdict.EARLY),
                        tuple("approve", "phuongthuanhoa", Verdict.EARLY),
                        tuple("returnResult", "phuongthuanhoa", Verdict.ON_TIME));
        assertThat(deadlines.handovers(code)).allMatch(h -> !h.isOpen());
        assertThat(deadlines.verdict(dossiers.require(code))).contains(Verdict.EARLY);
        assertThat(deadlines.escalations(code)).isEmpty();
        assertThat(driver.instance(code, "appointmentWatch")).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_watchEnded")
                .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
                        .processDefinitionKey("appointmentWatch").singleResult().getId())
                .count()).isEqualTo(1);
        assertThat(driver.timers(code)).isEmpty();
    }

    @Test
    void aStepDueSoonWarnsItsOfficersByMail() {
        String code = received();
        String second = received();
        clock("2025-11-25T15:00+07:00");
        driver.execute(driver.taskTimers(code, "Task_appraise").get(0));
        MimeMessage warning = mail.single(code, "sắp đến hạn");
        assertThat(MailServer.recipients(warning))
                .containsExactlyInAnyOrder("chuyenvien.thuanhoa@motcua.test", "chuyenvien2.thuanhoa@motcua.test");
        assertThat(MailServer.subject(warning)).isEqualTo("Hồ sơ " + code + " sắp đến hạn ở bước Thẩm định hồ sơ");
        assertThat(MailServer.body(warning)).contains("Đăng ký thành lập hộ kinh doanh");
        // only the overdue timer is left on the task
        assertThat(driver.taskTimers(code, "Task_appraise")).hasSize(1);

        // once claimed, the warning goes to the officer holding the task only
        tasks.claim(driver.task(second, "Task_appraise").getId(), "chuyenvien2.thuanhoa");
        driver.execute(driver.taskTimers(second, "Task_appraise").get(0));
        MimeMessage toOne = mail.single(second, "sắp đến hạn");
        assertThat(MailServer.recipients(toOne)).containsExactly("chuyenvien2.thuanhoa@motcua.test");
        assertThat(MailServer.body(toOne)).contains("Hồ Thị Sương");
    }

    @Test
    void anOverdueStepEscalatesOnceToTheSupervisorsOfItsUnit() {
        String code = received();
        Task appraise = driver.task(code, "Task_appraise");
        Job overdue = driver.taskTimers(code, "Task_appraise").get(1);
        assertThat(overdue.getDuedate()).isEqualTo(appraise.getDueDate());

        clock("2025-11-26T09:05+07:00");
        driver.execute(overdue);
        List<Escalation> escalations = deadlines.escalations(code);
        assertThat(escalations).singleElement().satisfies(e -> {
            assertThat(e.getStep()).isEqualTo("appraise");
            assertThat(e.getGroupId()).isEqualTo("phuongthuanhoa_supervisors");
            assertThat(e.getOutcome()).isNull();
        });
        // the supervisors' mail went in the timer's own job, and their task is there
        ProcessInstance escalation = driver.instance(code, "stepEscalation");
        assertThat(escalation).isWaitingAt("Task_handleEscalation").hasPassed("Task_notifySupervisors");
        assertThat(driver.asyncJobs(code, "stepEscalation")).isEmpty();
        MimeMessage alert = mail.single(code, "quá hạn");
        assertThat(MailServer.recipients(alert)).containsExactly("giamsat.thuanhoa@motcua.test");
        assertThat(MailServer.body(alert)).contains("Thẩm định hồ sơ").contains("UBND phường Thuận Hóa");
        Task handle = driver.task(code, "Task_handleEscalation");
        assertThat(driver.candidateGroups(handle)).containsExactly("phuongthuanhoa_supervisors");
        // the supervisors have 4 working hours to decide
        assertThat(handle.getDueDate().toInstant()).isEqualTo(at("2025-11-26T15:05+07:00"));

        // the supervisor gives the step to an officer who may work it, not to anyone
        assertThatThrownBy(() -> driver.complete(code, "Task_handleEscalation", "REASSIGN", "Giao lại",
                Map.of("newAssignee", "tiepnhan.phuxuan"))).hasMessageContaining("tiepnhan.phuxuan");
        Staff.actAs("giamsat.thuanhoa", "phuongthuanhoa_supervisors");
        engine.getIdentityService().setAuthentication("giamsat.thuanhoa", List.of("phuongthuanhoa_supervisors"),
                List.of("phuongthuanhoa"));
        try {
            driver.complete(code, "Task_handleEscalation", "REASSIGN", "Anh Nam xử lý ngay trong sáng nay",
                    Map.of("newAssignee", "chuyenvien.thuanhoa"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(escalation).isEnded().hasPassed("EndEvent_decided");
        assertThat(driver.task(code, "Task_appraise").getAssignee()).isEqualTo("chuyenvien.thuanhoa");
        assertThat(deadlines.escalations(code).get(0).getOutcome()).isEqualTo(Escalation.Outcome.REASSIGN);
        assertThat(deadlines.escalations(code).get(0).getDecidedBy()).isEqualTo("giamsat.thuanhoa");

        // a supplement and a new appraisal task: its timer fires again, but the step escalates once
        Staff.actAs("demo", "camunda-admin");
        driver.complete(code, "Task_appraise", "SUPPLEMENT", "Bổ sung hợp đồng thuê");
        clock("2025-11-26T10:00+07:00");
        dossiers.supplementReceived(code);
        clock("2025-11-26T16:00+07:00");
        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        assertThat(deadlines.escalations(code)).hasSize(1);
        assertThat(driver.instance(code, "stepEscalation")).isNull();

        driver.complete(code, "Task_appraise", "APPROVE", null);
        assertThat(deadlines.handovers(code).get(1).getVerdict()).isEqualTo(Verdict.LATE);
    }

    @Test
    void whenTheMailServerIsDownTheSupervisorsHaveTheirTaskAtOnceAndTheMailFollowsOnce() {
        String code = overdueWhileTheMailServerIsDown();
        // the timer's job did not fail: the escalation stands, the supervisors' task waits for them
        assertThat(deadlines.escalations(code)).hasSize(1);
        ProcessInstance escalation = driver.instance(code, "stepEscalation");
        assertThat(escalation).isWaitingAt("Task_handleEscalation", "Task_notifySupervisorsLater");
        assertThat(overdueMails(code)).isEmpty();

        // the background step sends it, once
        List<Job> later = driver.asyncJobs(code, "stepEscalation");
        assertThat(later).singleElement().satisfies(job -> assertThat(job.getRetries()).isEqualTo(5));
        driver.execute(later.get(0));
        MimeMessage alert = mail.single(code, "quá hạn");
        assertThat(MailServer.recipients(alert)).containsExactly("giamsat.thuanhoa@motcua.test");
        assertThat(driver.asyncJobs(code, "stepEscalation")).isEmpty();
        assertThat(escalation).isWaitingAt("Task_handleEscalation");

        driver.complete(code, "Task_handleEscalation", "EXTEND", "Cần thêm thời gian xác minh");
        assertThat(escalation).isEnded();
        assertThat(overdueMails(code)).hasSize(1);
    }

    @Test
    void aMailStillOwedWhenTheSupervisorsHaveDecidedIsNotSent() {
        String code = overdueWhileTheMailServerIsDown();
        // the supervisors found the task in Tasklist and decided before the background step sent the mail
        driver.complete(code, "Task_handleEscalation", "EXTEND", "Cần thêm thời gian xác minh");
        ProcessInstance escalation = driver.instance(code, "stepEscalation");
        assertThat(escalation).isWaitingAt("Task_notifySupervisorsLater");

        driver.execute(driver.asyncJobs(code, "stepEscalation").get(0));

        assertThat(escalation).isEnded().hasPassed("EndEvent_mailSentLater");
        assertThat(overdueMails(code)).isEmpty();
        assertThat(deadlines.escalations(code).get(0).getOutcome()).isEqualTo(Escalation.Outcome.EXTEND);
    }

    @Test
    void anOverdueTimersJobThatIsRolledBackSendsNoMailAndMailsOnceWhenItRunsAgain() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        Job overdue = driver.taskTimers(code, "Task_appraise").get(1);
        // the job's transaction fails at its end (an officer ended the step in the same moment, the database, a node
        // stopped): the supervisors hear of no escalation that was not recorded
        transactions.executeWithoutResult(status -> {
            driver.execute(overdue);
            status.setRollbackOnly();
        });
        assertThat(deadlines.escalations(code)).isEmpty();
        assertThat(driver.instance(code, "stepEscalation")).isNull();
        assertThat(overdueMails(code)).isEmpty();

        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));

        assertThat(deadlines.escalations(code)).hasSize(1);
        assertThat(driver.instance(code, "stepEscalation")).isWaitingAt("Task_handleEscalation");
        assertThat(overdueMails(code)).hasSize(1);
    }

    @Test
    void theOverdueMailGoesOnlyOnceTheEscalationIsCommitted() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        Job overdue = driver.taskTimers(code, "Task_appraise").get(1);
        // the job's work in a transaction that is still open: its rows (and their locks on the dossier's and the
        // step's rows) are not committed, and no mail has gone to the server meanwhile
        transactions.executeWithoutResult(status -> {
            driver.execute(overdue);
            assertThat(overdueMails(code)).isEmpty();
            assertThat(committedEscalations(code)).isZero();
        });
        assertThat(committedEscalations(code)).isOne();
        assertThat(overdueMails(code)).hasSize(1);
        assertThat(driver.instance(code, "stepEscalation")).isWaitingAt("Task_handleEscalation");
        assertThat(driver.asyncJobs(code, "stepEscalation")).isEmpty();
    }

    @Test
    void aMailThatAStoppedNodeLeftUnsentIsSentOnceByTheTimerThatLooksForThem() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        // what a node that stops between the timer's commit and the hand-over leaves: the escalation and the
        // supervisors' task, and no mail
        mail.purge();
        forgetOverdueMail(code);
        ProcessInstance escalation = driver.instance(code, "stepEscalation");
        Job check = management.createJobQuery().processDefinitionKey("escalationMailsOwed").timers().singleResult();
        assertThat(check).isNotNull();

        // the mail may still be on its way some minutes after the timer
        clock("2025-11-26T09:14+07:00");
        driver.execute(check);
        assertThat(escalation).isWaitingAt("Task_handleEscalation");

        clock("2025-11-26T09:16+07:00");
        driver.execute(management.createJobQuery().processDefinitionKey("escalationMailsOwed").timers().singleResult());
        assertThat(escalation).isWaitingAt("Task_handleEscalation", "Task_notifySupervisorsLater");
        // looked for again before the background step ran: it is not started twice
        clock("2025-11-26T09:26+07:00");
        driver.execute(management.createJobQuery().processDefinitionKey("escalationMailsOwed").timers().singleResult());
        assertThat(driver.asyncJobs(code, "stepEscalation")).singleElement()
                .satisfies(job -> assertThat(job.getRetries()).isEqualTo(5));

        driver.execute(driver.asyncJobs(code, "stepEscalation").get(0));
        assertThat(overdueMails(code)).hasSize(1);
        assertThat(escalation).isWaitingAt("Task_handleEscalation");

        // an instance that has been at the background step is left alone, whatever the mail log says
        forgetOverdueMail(code);
        clock("2025-11-26T09:36+07:00");
        driver.execute(management.createJobQuery().processDefinitionKey("escalationMailsOwed").timers().singleResult());
        assertThat(escalation).isWaitingAt("Task_handleEscalation");
        assertThat(overdueMails(code)).hasSize(1);
    }

    @Test
    void aMailLeftUnsentForMoreThanTwoDaysIsNoLongerSent() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        forgetOverdueMail(code);

        clock("2025-11-28T09:06+07:00");
        driver.execute(management.createJobQuery().processDefinitionKey("escalationMailsOwed").timers().singleResult());

        assertThat(driver.instance(code, "stepEscalation")).isWaitingAt("Task_handleEscalation");
        assertThat(driver.asyncJobs(code, "stepEscalation")).isEmpty();

        clock("2025-11-28T09:04+07:00");
        driver.execute(management.createJobQuery().processDefinitionKey("escalationMailsOwed").timers().singleResult());
        assertThat(driver.asyncJobs(code, "stepEscalation")).hasSize(1);
    }

    /** Removes the dossier's overdue mails from the mail log, as if they had never been sent. */
    private void forgetOverdueMail(String code) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from mail_log where idempotency_key like ?")) {
            delete.setString(1, "step-overdue:" + code + ":h%");
            assertThat(delete.executeUpdate()).isOne();
            // the pool's connections come with auto-commit off
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dossier's escalations as another connection sees them: only committed ones. */
    private int committedEscalations(String code) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from escalation where dossier_code = ?")) {
            count.setString(1, code);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void supervisorsCanMoveAnOverdueStepOnToAnExtension() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        driver.complete(code, "Task_handleEscalation", "EXTEND", "Cần thêm thời gian xác minh");
        // the watch does not wait for the appointment to come close: the unit drafts the apology now
        assertThat(driver.instance(code, "appointmentWatch")).isWaitingAt("CallActivity_apology");
        assertThat(driver.instance(code, "appointmentApology")).isWaitingAt("Task_draftApology");
        assertThat(deadlines.escalations(code).get(0).getOutcome()).isEqualTo(Escalation.Outcome.EXTEND);
        // the appraisal goes on meanwhile
        assertThat(driver.hasTask(code, "Task_appraise")).isTrue();
    }

    @Test
    void aDossierAtRiskGetsAnApologyAndOneNewAppointment() {
        String code = received();
        clock("2025-11-26T09:00+07:00");
        driver.execute(watchTimer(code));
        Task draft = driver.task(code, "Task_draftApology");
        assertThat(driver.candidateGroups(draft))
                .containsExactlyInAnyOrder("phuongthuanhoa_specialists", "phuongthuanhoa_leaders");
        // the apology must reach the citizen before the appointment
        assertThat(draft.getDueDate().toInstant()).isEqualTo(at("2025-11-27T09:00+07:00"));

        assertThatThrownBy(() -> tasks.complete(draft.getId(), Map.of("extensionDays", 2)))
                .hasMessageContaining("lý do");
        assertThatThrownBy(() -> tasks.complete(draft.getId(), Map.of("reason", "Chờ xác minh", "extensionDays", 0)))
                .hasMessageContaining("1 đến 30");
        tasks.complete(draft.getId(), Map.of("reason", "Chờ xác minh địa điểm kinh doanh", "extensionDays", 2L));
        Task approval = driver.task(code, "Task_approveApology");
        assertThat(driver.candidateGroups(approval)).containsExactly("phuongthuanhoa_supervisors");
        // Thursday 27 Nov 09:00 plus 2 working days is Monday 1 Dec 09:00
        assertThat(tasks.getVariablesLocal(approval.getId())).containsEntry("proposedAppointment", "09:00 01/12/2025");
        assertThatThrownBy(() -> driver.complete(code, "Task_approveApology", "REDRAFT", null))
                .hasMessageContaining("note");
        driver.complete(code, "Task_approveApology", "APPROVE", null);

        Dossier reappointed = dossiers.require(code);
        assertThat(reappointed.getAppointmentAt()).isEqualTo(at("2025-12-01T09:00+07:00"));
        assertThat(reappointed.getDueAt()).isEqualTo(at("2025-11-27T09:00+07:00"));
        assertThat(reappointed.getReappointments()).isEqualTo(1);
        assertThat(deadlines.reappointments(code)).singleElement().satisfies(r -> {
            assertThat(r.getPreviousAppointmentAt()).isEqualTo(at("2025-11-27T09:00+07:00"));
            assertThat(r.getNewAppointmentAt()).isEqualTo(at("2025-12-01T09:00+07:00"));
            assertThat(r.getUnitKey()).isEqualTo("phuongthuanhoa");
            assertThat(r.getApprovedBy()).isNotBlank();
        });
        // the appraisal still open shows the new appointment and the letter to print in its dossier panel
        assertThat(engine.getFormService().getTaskFormVariables(driver.task(code, "Task_appraise").getId())
                .get("dossierPanel").toString())
                .contains("\"appointment\":\"09:00 01/12/2025\"").contains("Mẫu 04");
        ProcessInstance watch = driver.instance(code, "appointmentWatch");
        assertThat(watch).isWaitingAt("Task_mailApology");
        driver.execute(driver.asyncJobs(code, "appointmentWatch").get(0));
        MimeMessage letter = mail.single(code, "Xin lỗi");
        assertThat(MailServer.recipients(letter)).containsExactly("binh@example.com");
        assertThat(MailServer.body(letter)).contains("Chờ xác minh địa điểm kinh doanh").contains("01/12/2025")
                .contains("Mau-04-" + code + ".pdf");
        assertThat(CitizenNoticesTest.pdfText(MailServer.attachment(letter, "Mau-04-" + code + ".pdf").content()))
                .contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Chờ xác minh địa điểm kinh doanh",
                        "02 ngày làm việc", "Thứ Hai, 01/12/2025 09:00");
        // watched again, one working day before the new appointment; no second re-appointment
        assertThat(watchTimer(code).getDuedate().toInstant()).isEqualTo(at("2025-11-28T09:00+07:00"));
        clock("2025-11-28T09:00+07:00");
        driver.execute(watchTimer(code));
        assertThat(watch).isEnded().hasPassed("EndEvent_noReappointment");

        driver.complete(code, "Task_appraise", "APPROVE", null);
        driver.complete(code, "Task_approve", "APPROVE", null);
        // finished before the statutory due, but re-appointed: late, as the indicators count it
        assertThat(dossiers.require(code).getFinishedAt()).isBefore(reappointed.getAppointmentAt());
        assertThat(deadlines.verdict(dossiers.require(code))).contains(Verdict.LATE);
    }

    @Test
    void aSupplementDuringHandlingPausesTheClockAndMovesTheDeadlines() {
        String code = received();
        clock("2025-11-24T10:00+07:00");
        driver.complete(code, "Task_appraise", "SUPPLEMENT", "Bổ sung hợp đồng thuê mặt bằng");
        assertThat(dossiers.require(code).isPaused()).isTrue();
        assertThat(deadlines.handovers(code).get(1).isOpen()).isTrue();
        assertThat(driver.instance(code, "appointmentWatch")).isWaitingAt("Event_clockResumed");
        assertThat(driver.timers(code)).isEmpty();

        // waited Monday 10:00-17:00 (5 h), Tuesday (8 h), Wednesday 07:00-10:00 (3 h): 16 working hours
        clock("2025-11-26T10:00+07:00");
        dossiers.supplementReceived(code);
        Dossier resumed = dossiers.require(code);
        assertThat(resumed.getPausedMinutes()).isEqualTo(16 * 60);
        assertThat(resumed.getAppointmentAt()).isEqualTo(at("2025-12-01T09:00+07:00"));
        assertThat(resumed.getDueAt()).isEqualTo(at("2025-12-01T09:00+07:00"));
        assertThat(dossiers.history(code)).anySatisfy(h -> assertThat(h.getNote())
                .contains("16 giờ làm việc").contains("09:00 01/12/2025"));

        Handover appraisal = deadlines.handovers(code).get(1);
        assertThat(appraisal.getDueAt()).isEqualTo(at("2025-11-28T09:00+07:00"));
        assertThat(appraisal.getPausedMinutes()).isEqualTo(16 * 60);
        Task again = driver.task(code, "Task_appraise");
        assertThat(again.getDueDate().toInstant()).isEqualTo(at("2025-11-28T09:00+07:00"));
        assertThat(driver.taskTimers(code, "Task_appraise")).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(at("2025-11-27T15:00+07:00"), at("2025-11-28T09:00+07:00"));
        assertThat(watchTimer(code).getDuedate().toInstant()).isEqualTo(at("2025-11-28T09:00+07:00"));
    }

    @Test
    void stoppingADossierEndsItsClock() {
        String code = received();
        clock("2025-11-25T10:00+07:00");
        driver.complete(code, "Task_appraise", "REFUSE", "Ngành nghề kinh doanh bị cấm");
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.STOPPED);
        assertThat(deadlines.handovers(code)).allMatch(h -> !h.isOpen());
        assertThat(driver.instance(code, "appointmentWatch")).isNull();
        assertThat(driver.timers(code)).isEmpty();
        assertThat(deadlines.verdict(dossiers.require(code))).contains(Verdict.EARLY);
    }

    // --- helpers

    /** The one mail about this dossier whose subject says this. */

    /** A household business dossier received on Monday 09:00: appointment Thursday 27 Nov 09:00. */
    @Test
    void aDayOffAddedLaterMovesTheApologysAndTheSupervisorsDueDatesToo() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        // at risk: the unit drafts the apology, due before the appointment
        driver.execute(watchTimer(code));
        // overdue: the supervisors have 4 working hours to decide
        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        assertThat(driver.task(code, "Task_draftApology").getDueDate().toInstant())
                .isEqualTo(at("2025-11-27T09:00+07:00"));
        assertThat(driver.task(code, "Task_handleEscalation").getDueDate().toInstant())
                .isEqualTo(at("2025-11-26T15:05+07:00"));

        // an administrator declares Wednesday 26 Nov (today) a day off
        Api admin = Api.at(port).as("demo", "demo");
        Api.Response put = admin.put("/api/calendar/days/2025-11-26", Map.of("kind", "DAY_OFF", "name", "Nghỉ bão"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        try {
            // appointment: Mon 24 09:00 + 3 days = Mon 6 h, Tue 8 h, Thu 8 h, Fri 2 h -> Fri 28 Nov 09:00
            assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2025-11-28T09:00+07:00"));
            assertThat(driver.task(code, "Task_draftApology").getDueDate().toInstant())
                    .isEqualTo(at("2025-11-28T09:00+07:00"));
            // asked on the day off at 09:05: counted from Thu 27 07:00, 4 h -> 11:00
            assertThat(driver.task(code, "Task_handleEscalation").getDueDate().toInstant())
                    .isEqualTo(at("2025-11-27T11:00+07:00"));
            // the step itself: Mon 6 h, Tue 8 h, Thu 2 h -> Thu 27 09:00
            assertThat(driver.task(code, "Task_appraise").getDueDate().toInstant())
                    .isEqualTo(at("2025-11-27T09:00+07:00"));
        } finally {
            assertThat(admin.delete("/api/calendar/days/2025-11-26").status()).isEqualTo(204);
        }
        assertThat(driver.task(code, "Task_draftApology").getDueDate().toInstant())
                .isEqualTo(at("2025-11-27T09:00+07:00"));
        assertThat(driver.task(code, "Task_handleEscalation").getDueDate().toInstant())
                .isEqualTo(at("2025-11-26T15:05+07:00"));
    }

    /** A received dossier whose appraisal's overdue timer ran, Wednesday 09:05, while the mail server was down. */
    private String overdueWhileTheMailServerIsDown() {
        String code = received();
        clock("2025-11-26T09:05+07:00");
        mail.stop();
        try {
            driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        } finally {
            mail.restart();
        }
        return code;
    }

    /** Every copy of the overdue mails about the dossier that reached its unit's supervisor, duplicates included. */
    private List<MimeMessage> overdueMails(String code) {
        return mail.everyCopyTo("giamsat.thuanhoa@motcua.test").stream()
                .filter(m -> MailServer.subject(m).contains(code) && MailServer.subject(m).contains("quá hạn")).toList();
    }

    private String received() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2025-11-27T09:00+07:00"));
        return code;
    }

    private Job watchTimer(String code) {
        ProcessInstance watch = driver.instance(code, "appointmentWatch");
        assertThat(watch).as("appointment watch of %s", code).isNotNull();
        return management.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
    }
}
