package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The periodic report: on the 1st of the month at 07:00 (Huế time) the timer of {@code periodicReport}
 * fires and mails October 2026's indicators to the Department of Home Affairs, with the CSV table; staff
 * of the city ask for a month on demand. October 2026: two household business dossiers received at UBND
 * phường Thuận Hóa on Monday 5 (one done the next day, one still in progress, overdue since Thursday 8),
 * one enterprise registration received online at the centre on Friday 30 at 14:00 (due Wednesday 4
 * November).
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodicReportTest {

    static final String RECIPIENT = "baocao.noivu@motcua.test";
    static final String SUBJECT = "Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính tháng 10/2026";
    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired MailServer mail;
    @Autowired PeriodicReports reports;
    @Autowired Catalog catalog;

    @BeforeAll
    void october() {
        init(engine);
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2026-10-05T09:00+07:00");
            String early = received("1.001612", Channel.COUNTER);
            received("1.001612", Channel.COUNTER);
            clock("2026-10-06T10:00+07:00");
            driver.complete(early, "Task_appraise", "APPROVE", null);
            driver.complete(early, "Task_approve", "APPROVE", null);
            clock("2026-10-30T14:00+07:00");
            received("2.001610", Channel.ONLINE);
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void onTheFirstOfTheMonthAt7ThePreviousMonthIsMailedWithItsTable() throws Exception {
        List<String> before = reportsOfOctober().stream().map(PeriodicReportTest::messageId).toList();
        Job timer = monthlyTimer();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(HUE);
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        // the cron the engine keeps is the configured one (start-up compares them)
        assertThat(((TimerEntity) timer).getRepeat()).isEqualTo("0 0 7 1 * *");

        clock("2026-11-01T07:00+07:00");
        management.executeJob(timer.getId());
        // the next run: 1 December, 07:00 in Huế
        assertThat(monthlyTimer().getDuedate().toInstant()).isEqualTo(at("2026-12-01T07:00+07:00"));
        ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey("periodicReport")
                .processInstanceBusinessKey("2026-10").singleResult();
        assertThat(run).isWaitingAt("Task_sendReport");
        assertThat(runtime.getVariable(run.getId(), "reportMonth")).isEqualTo("2026-10");
        // mail goes out from its own job (retried, an incident in Cockpit if the server stays down)
        assertThat(reportsOfOctober()).hasSize(before.size());
        management.executeJob(management.createJobQuery().processInstanceId(run.getId()).singleResult().getId());
        assertThat(run).isEnded().hasPassed("EndEvent_sent");

        List<MimeMessage> mails = reportsOfOctober().stream().filter(m -> !before.contains(messageId(m))).toList();
        assertThat(mails).hasSize(1);
        MimeMessage report = mails.get(0);
        assertThat(MailServer.recipients(report)).containsExactly(RECIPIENT);
        String body = MailServer.body(report);
        assertThat(body).contains("Kính gửi Sở Nội vụ", "tháng 10/2026", "01/10/2026", "31/10/2026",
                "01/11/2026 00:00", "Toàn thành phố", "UBND phường Thuận Hóa", "66,67 %", "33,33 %",
                "[attachment bao-cao-2026-10.csv]", "2.2 Thời gian giải quyết trung bình", "1,13 ngày làm việc",
                "Chưa có: hệ thống chưa kết nối cổng thanh toán trực tuyến");

        byte[] csv = attachment(report, "bao-cao-2026-10.csv");
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).startsWith("Mã đơn vị;Đơn vị;Tiếp nhận;Tiếp nhận trực tuyến;Tiếp nhận trực tiếp;"
                + "Đã giải quyết trước hạn;Đã giải quyết đúng hạn;Đã giải quyết quá hạn;Đang giải quyết chưa đến hạn;"
                + "Đang giải quyết sắp đến hạn;Đang giải quyết quá hạn;Tạm dừng chờ bổ sung;Từ chối tiếp nhận;"
                + "Hẹn lại (Mẫu 04);Tỷ lệ đúng hạn (%);Tỷ lệ trực tuyến (%);Chỉ số SIPAS (%);"
                + "1.4 Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia (%);"
                + "2.2 Thời gian giải quyết trung bình (ngày làm việc);");
        assertThat(lines.get(0)).contains(";4.2 Tỷ lệ số hóa hồ sơ tiếp nhận (%);")
                .endsWith(";5.4 Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính (%)");
        // a header, one line per unit of the catalog, by key, then the total; as of 1 November 00:00
        assertThat(lines).hasSize(catalog.units().size() + 2);
        // then the Decision 766 columns (1.4, 2.2, 3.3, 3.5, 4.1, 4.2, 4.3, 4.5, 5.1, 5.4): the early dossier took
        // 540 working minutes (1,13 days); none has an electronic result or scans; one of the two is overdue (5.4)
        assertThat(lines).contains("phuongthuanhoa;UBND phường Thuận Hóa;2;0;2;1;0;0;0;0;1;0;0;0;50,00;0,00;"
                + ";Chưa có;1,13;0,00;Chưa có;0,00;0,00;Chưa có;Chưa có;;50,00");
        // the online enterprise registration is digitised by nature, but counts online only with its electronic result
        assertThat(lines).anyMatch(line -> line.startsWith("hcc;") && line.endsWith(";1;1;0;0;0;0;1;0;0;0;0;0;100,00;100,00;"
                + ";Chưa có;;0,00;Chưa có;;100,00;Chưa có;Chưa có;;100,00"));
        assertThat(lines).contains("sotuphap;Sở Tư pháp thành phố Huế;0;0;0;0;0;0;0;0;0;0;0;0;;;"
                + ";Chưa có;;;Chưa có;;;Chưa có;Chưa có;;");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(";Tổng cộng;3;1;2;1;0;0;1;0;1;0;0;0;66,67;33,33;"
                + ";Chưa có;1,13;0,00;Chưa có;0,00;33,33;Chưa có;Chưa có;;66,67");

        // the month's scheduled report goes once
        assertThat(reports.send(YearMonth.of(2026, 10), null)).isFalse();
        assertThat(reportsOfOctober()).hasSize(before.size() + 1);
    }

    @Test
    void theCitysSupervisorsAskForAMonthOnDemand() {
        Api anonymous = Api.at(port);
        assertThat(anonymous.post("/api/reports/periodic?month=2026-10", "").status()).isEqualTo(401);
        Api.Response ward = Api.at(port).as("giamsat.thuanhoa", "demo").post("/api/reports/periodic?month=2026-10", "");
        assertThat(ward.status()).isEqualTo(403);
        assertThat(ward.contentType()).startsWith("application/problem+json");
        Api noiVu = Api.at(port).as("giamsat.noivu", "demo");
        Api.Response future = noiVu.post("/api/reports/periodic?month=2099-01", "");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("month");
        assertThat(noiVu.post("/api/reports/periodic?month=October", "").status()).isEqualTo(400);

        int before = reportsOfOctober().size();
        Api.Response accepted = noiVu.post("/api/reports/periodic?month=2026-10", "");
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode run = accepted.json();
        assertThat(run.get("month").asText()).isEqualTo("2026-10");
        assertThat(run.get("recipients").get(0).asText()).isEqualTo(RECIPIENT);
        String instance = run.get("processInstanceId").asText();
        ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(started).isWaitingAt("Task_sendReport");
        assertThat(started.getBusinessKey()).isEqualTo("2026-10");
        assertThat(runtime.getVariables(instance)).containsEntry("requestedBy", "giamsat.noivu");

        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        assertThat(started).isEnded();
        // a run on demand sends again, even for a month already reported
        assertThat(reportsOfOctober()).hasSize(before + 1);
    }

    // --- helpers

    private Job monthlyTimer() {
        return management.createJobQuery().processDefinitionKey("periodicReport").timers().singleResult();
    }

    private List<MimeMessage> reportsOfOctober() {
        return mail.to(RECIPIENT).stream().filter(m -> SUBJECT.equals(MailServer.subject(m))).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String received(String procedure, Channel channel) {
        String code = dossiers.intake(new IntakeRequest(procedure, channel,
                new IntakeRequest.ApplicantData("Lê Văn Tám", "046190004321", "0905000111", "tam@example.com",
                        "12 Trần Hưng Đạo, Huế"), Map.of())).getCode();
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        return code;
    }

    private static byte[] attachment(Part part, String name) throws MessagingException, IOException {
        if (name.equals(part.getFileName())) {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = attachment(multipart.getBodyPart(i), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
