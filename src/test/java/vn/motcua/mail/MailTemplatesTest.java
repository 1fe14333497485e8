package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The templates render strictly, escape HTML, and keep Vietnamese intact. */
class MailTemplatesTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String SCRIPT = "<script>alert(1)</script>";

    final MailTemplates templates = new MailTemplates(HCM);

    static Map<String, Object> dueSoon(String applicant) {
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", "Sở Tài chính thành phố Huế");
        model.put("officerName", "Trần Văn Minh");
        model.put("dossierCode", "000.00.00.H57-250514-0007");
        model.put("procedureName", "Đăng ký thành lập hộ kinh doanh");
        model.put("applicantName", applicant);
        model.put("stepName", "Thẩm định hồ sơ");
        model.put("dueAt", ZonedDateTime.of(2025, 5, 14, 16, 30, 0, 0, HCM).toInstant());
        model.put("baseUrl", "https://motcua.example.vn");
        return model;
    }

    static Map<String, Object> overdue(String applicant) {
        Map<String, Object> model = dueSoon(applicant);
        model.put("overdueBy", Duration.ofHours(26).plusMinutes(30));
        return model;
    }

    @Test
    void htmlEscapesEveryValueAndTextDoesNot() {
        MailMessage m = templates.compose("step-due-soon", dueSoon(SCRIPT), List.of("a@motcua.test"));
        assertThat(m.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
        assertThat(m.text()).contains("Người nộp:   " + SCRIPT);
        assertThat(m.html()).contains("<strong>000.00.00.H57-250514-0007</strong>")
                .contains("href=\"https://motcua.example.vn/camunda/app/tasklist/default/\"");
    }

    @Test
    void onlyTrustedHtmlIsInsertedAsItIs() {
        String html = templates.render("test/trusted.html.vm",
                Map.of("name", "Tom & \"Jerry\" <b>", "summary", new TrustedHtml("<em>đã duyệt</em>")));
        assertThat(html).isEqualTo("<p>Tom &amp; &quot;Jerry&quot; &lt;b&gt;</p>\n<div><em>đã duyệt</em></div>\n");
    }

    @Test
    void dueSoonInVietnameseWithTheLayout() {
        MailMessage m = templates.compose("step-due-soon", dueSoon("Nguyễn Thị Ánh Tuyết"), List.of("a@motcua.test"));
        assertThat(m.subject()).isEqualTo("Hồ sơ 000.00.00.H57-250514-0007 sắp đến hạn ở bước Thẩm định hồ sơ");
        assertThat(m.text())
                .startsWith("Sở Tài chính thành phố Huế\n")
                .contains("Kính gửi Trần Văn Minh,")
                .contains("Thủ tục:     Đăng ký thành lập hộ kinh doanh\n")
                .contains("Người nộp:   Nguyễn Thị Ánh Tuyết\n")
                .contains("Hạn xử lý:   Thứ Tư, 14/05/2025 16:30\n")
                .endsWith("\n-- \nThư gửi tự động từ hệ thống Một cửa, vui lòng không trả lời.\n");
        assertThat(m.html())
                .contains("<title>Hồ sơ 000.00.00.H57-250514-0007 sắp đến hạn ở bước Thẩm định hồ sơ</title>")
                .contains(">Sở Tài chính thành phố Huế</td>")
                .contains("Nguyễn Thị Ánh Tuyết")
                .contains("Thứ Tư, 14/05/2025 16:30")
                .contains("Thư gửi tự động từ hệ thống Một cửa, vui lòng không trả lời.");
    }

    @Test
    void overdueNamesTheOfficerOrSaysNobodyHasTheTask() {
        Map<String, Object> model = overdue("Lê Văn Tám");
        MailMessage m = templates.compose("step-overdue", model, List.of("giamsat@motcua.test"));
        assertThat(m.subject()).isEqualTo("Hồ sơ 000.00.00.H57-250514-0007 đã quá hạn ở bước Thẩm định hồ sơ");
        assertThat(m.text()).contains("đã quá hạn (1 ngày 2 giờ 30 phút làm việc) ở bước \"Thẩm định hồ sơ\"")
                .contains("Cán bộ xử lý:  Trần Văn Minh\n")
                .contains("Đơn vị xử lý:  Sở Tài chính thành phố Huế\n")
                .contains("Xem trên Tasklist: https://motcua.example.vn/camunda/app/tasklist/default/");
        assertThat(m.html()).contains("1 ngày 2 giờ 30 phút").contains("Trần Văn Minh");

        model.put("officerName", null);
        model.put("dueAt", Date.from(ZonedDateTime.of(2025, 5, 14, 16, 30, 0, 0, HCM).toInstant()));
        MailMessage unclaimed = templates.compose("step-overdue", model, List.of("giamsat@motcua.test"));
        assertThat(unclaimed.text()).contains("Cán bộ xử lý:  Chưa có cán bộ nhận xử lý\nHạn xử lý:")
                .contains("Thứ Tư, 14/05/2025 16:30");
        assertThat(unclaimed.html()).contains("Chưa có cán bộ nhận xử lý");
    }

    @Test
    void aMissingVariableFails() {
        Map<String, Object> model = dueSoon("Nguyễn Văn A");
        model.remove("stepName");
        assertThatThrownBy(() -> templates.compose("step-due-soon", model, List.of("a@motcua.test")))
                .isInstanceOf(TemplateNotRendered.class)
                .hasMessageContaining("step-due-soon.subject.vm")
                .hasMessageContaining("stepName");
        model.put("stepName", "Thẩm định");
        model.remove("overdueBy");
        assertThatThrownBy(() -> templates.compose("step-overdue", model, List.of("a@motcua.test")))
                .isInstanceOf(TemplateNotRendered.class)
                .hasMessageContaining("overdueBy");
    }

    @Test
    void aMissingMethodOrTemplateFails() {
        assertThatThrownBy(() -> templates.render("test/missing-method.txt.vm", Map.of("name", "An")))
                .isInstanceOf(TemplateNotRendered.class)
                .hasMessageContaining("shout");
        assertThatThrownBy(() -> templates.compose("no-such-mail", Map.of(), List.of("a@motcua.test")))
                .isInstanceOf(TemplateNotRendered.class);
        assertThatThrownBy(() -> templates.render("../application.yml", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.compose("step-due-soon", Map.of("dates", "x"), List.of("a@motcua.test")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesTheVietnameseWay() {
        TemplateDates dates = new TemplateDates(HCM);
        var at = ZonedDateTime.of(2026, 2, 15, 8, 5, 0, 0, HCM);
        assertThat(dates.dateTime(at.toInstant())).isEqualTo("15/02/2026 08:05");
        assertThat(dates.dateTime(at.withZoneSameInstant(ZoneId.of("UTC")))).isEqualTo("15/02/2026 08:05");
        assertThat(dates.date(at.toLocalDate())).isEqualTo("15/02/2026");
        assertThat(dates.time(at.toOffsetDateTime())).isEqualTo("08:05");
        assertThat(dates.weekday(at.toInstant())).isEqualTo("Chủ Nhật");
        assertThat(dates.weekday(at.toLocalDate().plusDays(1))).isEqualTo("Thứ Hai");
        // Decree 30/2020: a leading zero for days 1-9 and for the months 1 and 2 only
        assertThat(dates.official(at.toInstant())).isEqualTo("ngày 15 tháng 02 năm 2026");
        assertThat(dates.official(java.time.LocalDate.of(2026, 12, 2))).isEqualTo("ngày 02 tháng 12 năm 2026");
        assertThat(dates.official(java.time.LocalDate.of(2027, 1, 5))).isEqualTo("ngày 05 tháng 01 năm 2027");
        assertThat(dates.official(java.time.LocalDate.of(2027, 3, 15))).isEqualTo("ngày 15 tháng 3 năm 2027");
        // 17:30 UTC on 31 Dec is already New Year's Day in Huế
        assertThat(dates.official(java.time.Instant.parse("2026-12-31T17:30:00Z"))).isEqualTo("ngày 01 tháng 01 năm 2027");
        assertThat(dates.duration(Duration.ofMinutes(45), "ngày", "giờ", "phút")).isEqualTo("45 phút");
        assertThat(dates.duration(Duration.ofDays(2), "ngày", "giờ", "phút")).isEqualTo("2 ngày");
        assertThat(dates.duration(Duration.ofSeconds(20), "ngày", "giờ", "phút")).isEqualTo("0 phút");
        assertThatThrownBy(() -> dates.dateTime(null)).isInstanceOf(IllegalArgumentException.class);
    }

    static Map<String, Object> indicators(String unitName, long received, String onTimeRate) {
        Map<String, Object> row = new HashMap<>();
        row.put("unitName", unitName);
        row.put("received", received);
        row.put("receivedOnline", 0L);
        row.put("receivedCounter", received);
        for (String count : List.of("finishedEarly", "finishedOnTime", "finishedLate", "inProgressNotDue",
                "inProgressDueSoon", "inProgressOverdue", "paused", "refused", "reappointed", "sipasResponses")) {
            row.put(count, 0L);
        }
        row.put("finishedEarly", received);
        row.put("onTimeRate", onTimeRate);
        row.put("onlineShare", onTimeRate == null ? null : "0,00");
        row.put("sipas", null);
        return row;
    }

    @Test
    void thePeriodicReportHasATablePerUnitAndADashWhereThereIsNoRate() {
        Map<String, Object> model = new HashMap<>();
        model.put("month", 10);
        model.put("year", 2026);
        model.put("periodFrom", java.time.LocalDate.of(2026, 10, 1));
        model.put("periodTo", java.time.LocalDate.of(2026, 10, 31));
        model.put("asOf", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, HCM).toInstant());
        model.put("fileName", "bao-cao-2026-10.csv");
        model.put("total", indicators(null, 2, "100,00"));
        model.put("units", List.of(indicators("UBND phường Thuận Hóa", 2, "100,00"), indicators(SCRIPT, 0, null)));
        MailMessage m = templates.compose("periodic-report", model, List.of("baocao.noivu@motcua.test"));
        assertThat(m.subject()).isEqualTo("Báo cáo tình hình giải quyết hồ sơ thủ tục hành chính tháng 10/2026");
        assertThat(m.html()).contains("<h2 style=\"font-size:17px;margin:20px 0 4px;\">UBND phường Thuận Hóa</h2>")
                .contains("100,00 %").contains("–").contains("&lt;script&gt;").doesNotContain(SCRIPT)
                .contains("tính đến 01/11/2026 00:00");
        assertThat(m.text()).contains("Tỷ lệ giải quyết đúng hạn:       100,00 %")
                .contains("Tỷ lệ giải quyết đúng hạn:       –").doesNotContain("\n\n\n");
    }
}
