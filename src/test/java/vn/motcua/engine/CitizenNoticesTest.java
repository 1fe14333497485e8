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
                .contains("[attachment Mau-01-" + code + ".pdf]").contains("Mẫu số 01").contains("tệp PDF")
                .doesNotContain(".html]");
        // Form 01 as the PDF it prints as: heading, number, its register line, how the result is returned
        MailServer.Attachment form01 = MailServer.attachment(receipt, "Mau-01-" + code + ".pdf");
        assertThat(form01.contentType()).startsWith("application/pdf");
        int line = dossiers.require(code).getRegisterNumber();
        assertThat(pdfText(form01.content())).contains("Mẫu số 01", "ỦY BAN NHÂN DÂN", "PHƯỜNG THUẬN HÓA",
                "Số: " + String.format("%02d", line) + "/GTN-UBND", "Huế, ngày 24 tháng 11 năm 2025",
                "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Trần Thị Bình",
                "Đăng ký nhận kết quả tại: Bộ phận Một cửa - UBND phường Thuận Hóa",
                "Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: " + line, "09:00, Thứ Năm ngày 27/11/2025");

        driver.complete(code, "Task_appraise", "SUPPLEMENT", "Bản sao hợp đồng thuê mặt bằng <có chứng thực>");
        driver.sendCitizenNotices(code);
        MimeMessage supplement = mail.single(code, "cần bổ sung");
        assertThat(MailServer.body(supplement)).contains("Bản sao hợp đồng thuê mặt bằng &lt;có chứng thực&gt;")
                .contains("Bản sao hợp đồng thuê mặt bằng <có chứng thực>")
                .contains("[attachment Mau-02-" + code + ".pdf]");
        assertThat(pdfText(MailServer.attachment(supplement, "Mau-02-" + code + ".pdf").content()))
                .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Bản sao hợp đồng thuê mặt bằng <có chứng thực>");

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
                .contains("Ngành nghề thuộc danh mục cấm kinh doanh").contains("[attachment Mau-03-" + refused + ".pdf]");
        assertThat(pdfText(MailServer.attachment(mail.single(refused, "không được tiếp nhận"), "Mau-03-" + refused
                + ".pdf").content())).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                        "Ngành nghề thuộc danh mục cấm kinh doanh");

        String stopped = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(stopped, "Task_receptionCheck", "APPROVE", null);
        driver.complete(stopped, "Task_appraise", "REFUSE", "Địa điểm kinh doanh đang tranh chấp");
        driver.sendCitizenNotices(stopped);
        assertThat(MailServer.body(mail.single(stopped, "dừng giải quyết")))
                .contains("Địa điểm kinh doanh đang tranh chấp").contains("[attachment Mau-05-" + stopped + ".pdf]");
        assertThat(pdfText(MailServer.attachment(mail.single(stopped, "dừng giải quyết"), "Mau-05-" + stopped
                + ".pdf").content())).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Địa điểm kinh doanh đang tranh chấp");
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

    /** The text of a PDF on one line (lines break where the page wraps them). */
    static String pdfText(byte[] pdf) {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return sortedStripper().getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the text in the order it shows on the page (bold runs are written apart from the line they are in). */
    private static org.apache.pdfbox.text.PDFTextStripper sortedStripper() throws java.io.IOException {
        org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper;
    }
}
