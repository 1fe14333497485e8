package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.Driver.clock;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;

/** The citizen's mails at each status change, and what an SMTP outage does to them. */
@MotcuaTest
class CitizenNoticesTest {

    static final String HOUSEHOLD_BUSINESS = "1.001612";

    @Autowired Driver driver;
    @Autowired MailServer mail;
    @Autowired Dossiers dossiers;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    @BeforeEach
    void setUp() {
        clock("2025-11-24T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void theCitizenIsToldOfReceptionSupplementAndResultWithTheFormsAttached() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        driver.sendCitizenNotices(code);
        MimeMessage receipt = mail.single(code, "Đã tiếp nhận hồ sơ");
        assertThat(MailServer.recipients(receipt)).containsExactly("binh@example.com");
        assertThat(MailServer.subject(receipt)).isEqualTo("Đã tiếp nhận hồ sơ " + code + " - hẹn trả kết quả 27/11/2025");
        assertThat(MailServer.body(receipt)).contains("Thứ Năm, 27/11/2025 09:00").contains("/tra-cuu")
                .contains("[attachment Mau-01-" + code + ".html]").contains("Mẫu số 01");

        driver.complete(code, "Task_appraise", "SUPPLEMENT", "Bản sao hợp đồng thuê mặt bằng <có chứng thực>");
        driver.sendCitizenNotices(code);
        MimeMessage supplement = mail.single(code, "cần bổ sung");
        assertThat(MailServer.body(supplement)).contains("Bản sao hợp đồng thuê mặt bằng &lt;có chứng thực&gt;")
                .contains("Bản sao hợp đồng thuê mặt bằng <có chứng thực>")
                .contains("[attachment Mau-02-" + code + ".html]");

        dossiers.supplementReceived(code);
        driver.complete(code, "Task_appraise", "APPROVE", null);
        driver.complete(code, "Task_approve", "APPROVE", null);
        driver.sendCitizenNotices(code);
        assertThat(MailServer.body(mail.single(code, "đã có kết quả"))).contains("nhận kết quả tại bộ phận một cửa");
    }

    @Test
    void refusalAndStopCarryTheirReasonsAndForms() {
        String refused = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(refused, "Task_receptionCheck", "REFUSE", "Ngành nghề thuộc danh mục cấm kinh doanh");
        driver.sendCitizenNotices(refused);
        assertThat(MailServer.body(mail.single(refused, "không được tiếp nhận")))
                .contains("Ngành nghề thuộc danh mục cấm kinh doanh").contains("[attachment Mau-03-" + refused + ".html]");

        String stopped = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(stopped, "Task_receptionCheck", "APPROVE", null);
        driver.complete(stopped, "Task_appraise", "REFUSE", "Địa điểm kinh doanh đang tranh chấp");
        driver.sendCitizenNotices(stopped);
        assertThat(MailServer.body(mail.single(stopped, "dừng giải quyết")))
                .contains("Địa điểm kinh doanh đang tranh chấp").contains("[attachment Mau-05-" + stopped + ".html]");
    }

    @Test
    void anSmtpOutageRetriesThenBecomesAnIncidentAndRecoverySendsOnce() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        mail.stop();
        try {
            // the officer's work stands whatever the mail server does
            driver.complete(code, "Task_receptionCheck", "APPROVE", null);
            assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.IN_PROGRESS);
            Job job = driver.asyncJobs(code, "citizenNotice").get(0);
            for (int attempt = 1; attempt <= 5; attempt++) {
                Job current = management.createJobQuery().jobId(job.getId()).singleResult();
                assertThatThrownBy(() -> driver.execute(current)).as("attempt %d", attempt).isNotNull();
                Job after = management.createJobQuery().jobId(job.getId()).singleResult();
                assertThat(after.getRetries()).isEqualTo(5 - attempt);
                if (attempt < 5) {
                    // retried five minutes later
                    assertThat(after.getDuedate()).isAfter(ClockUtil.getCurrentTime());
                    ClockUtil.setCurrentTime(after.getDuedate());
                }
            }
            List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId())
                    .list();
            assertThat(incidents).singleElement().satisfies(i -> {
                assertThat(i.getIncidentType()).isEqualTo("failedJob");
                assertThat(i.getActivityId()).isEqualTo("Task_sendNotice");
            });
            assertThat(mail.about(code)).isEmpty();
        } finally {
            mail.restart();
        }
        // an administrator retries the job from Cockpit once the server is back
        Job failed = driver.asyncJobs(code, "citizenNotice").get(0);
        management.setJobRetries(failed.getId(), 1);
        driver.execute(failed);
        assertThat(driver.instance(code, "citizenNotice")).isNull();
        assertThat(mail.about(code)).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(failed.getProcessInstanceId()).count()).isZero();
    }
}
