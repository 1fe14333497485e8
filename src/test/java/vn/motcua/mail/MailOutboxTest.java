package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Without SMTP settings mail lands in the outbox folder, and staff can read it over the API. The
 * shared test context sends over SMTP (to the test mail server), so the mailer here is the one the
 * application builds when no SMTP host is configured: the outbox transport.
 */
@MotcuaTest
class MailOutboxTest {

    @LocalServerPort int port;
    @Autowired MailOutbox outbox;
    @Autowired MailTemplates templates;
    @Autowired MailLog mailLog;
    @Autowired MailProperties properties;
    @Autowired WorkingCalendar calendar;

    Api anonymous;
    Mailer mailer;

    @BeforeEach
    void clients() {
        anonymous = Api.at(port);
        mailer = new Mailer(properties.from(), mailLog, new OutboxTransport(outbox), calendar);
    }

    /** Sends a due-soon mail for a fresh dossier code and returns its outbox entry. */
    MailOutbox.Entry sendOne(String applicant) {
        String code = "000.00.00.H57-250514-" + UUID.randomUUID().toString().substring(0, 4);
        var model = MailTemplatesTest.dueSoon(applicant);
        model.put("dossierCode", code);
        MailMessage message = templates.compose("step-due-soon", model, List.of("Trần Văn Minh <chuyenvien.taichinh@motcua.test>"))
                .withAttachment("giay-hen.txt", "text/plain", "Giấy hẹn".getBytes(StandardCharsets.UTF_8));
        String key = "test:" + code;
        assertThat(mailer.send(message, key)).isTrue();
        assertThat(mailer.send(message, key)).isFalse();
        String messageId = mailLog.find(key).orElseThrow().getMessageId();
        assertThat(mailLog.find(key).orElseThrow().getTransport()).isEqualTo(MailTransport.Kind.OUTBOX);
        List<MailOutbox.Entry> mine = outbox.recent(500).stream().filter(e -> messageId.equals(e.messageId())).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    @Test
    void anEmlFileAppearsAndParsesBack() throws Exception {
        MailOutbox.Entry entry = sendOne("Nguyễn Thị Ánh Tuyết");
        assertThat(entry.file()).matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{8}\\.eml");
        assertThat(entry.subject()).startsWith("Hồ sơ 000.00.00.H57-250514-").endsWith("sắp đến hạn ở bước Thẩm định hồ sơ");
        assertThat(entry.to()).containsExactly("Trần Văn Minh <chuyenvien.taichinh@motcua.test>");
        assertThat(entry.time().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);

        Path file = outbox.open(entry.file()).orElseThrow();
        assertThat(file.getParent()).isEqualTo(outbox.folder());
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(parsed.getSubject()).isEqualTo(entry.subject());
        assertThat(parsed.getMessageID()).isEqualTo(entry.messageId());
        List<Part> parts = new ArrayList<>();
        SmtpMailerTest.leaves(parsed, parts);
        assertThat(parts).hasSize(3);
        assertThat((String) parts.get(0).getContent()).contains("Người nộp:   Nguyễn Thị Ánh Tuyết");
        assertThat((String) parts.get(1).getContent()).contains(">Nguyễn Thị Ánh Tuyết</td>");
        assertThat(parts.get(2).getFileName()).isEqualTo("giay-hen.txt");
        assertThat(new String(SmtpMailerTest.bytes(parts.get(2)), StandardCharsets.UTF_8)).isEqualTo("Giấy hẹn");
        // no half-written temporary files are left behind
        try (var files = Files.list(outbox.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".eml"));
        }
    }

    /** Sends a survey invitation with a secret link token and returns its outbox entry. */
    MailOutbox.Entry sendInvitation(String token) {
        String code = "000.00.00.H57-250514-" + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", "UBND phường Thuận Hóa");
        model.put("applicantName", "Lê Thị Thu Hà");
        model.put("dossierCode", code);
        model.put("procedureName", "Đăng ký khai sinh");
        model.put("link", "https://motcua.example.vn/khao-sat/" + token);
        model.put("expiresAt", Instant.parse("2025-06-01T10:00:00Z"));
        MailMessage message = templates.compose("survey-invitation", model, List.of("congdan@example.com"));
        String key = "test:survey:" + code;
        assertThat(mailer.send(message, key)).isTrue();
        String messageId = mailLog.find(key).orElseThrow().getMessageId();
        return outbox.recent(500).stream().filter(e -> messageId.equals(e.messageId())).findFirst().orElseThrow();
    }

    @Test
    void onlyAdministratorsReadTheOutbox() {
        MailOutbox.Entry entry = sendOne("Lê Thị Thu Hà");
        assertThat(anonymous.get("/api/mail/outbox").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/mail/outbox/" + entry.file()).status()).isEqualTo(401);
        assertThat(anonymous.page("/api/mail/outbox").status()).isEqualTo(401);

        // a counter officer, a police officer, a unit's supervisor, the city's supervisor: none of them
        for (String user : List.of("tiepnhan.hcc", "chuyenvien.congan", "giamsat.thuanhoa", "giamsat.noivu")) {
            Api staff = anonymous.as(user, "demo");
            for (String path : List.of("/api/mail/outbox", "/api/mail/outbox?limit=500", "/api/mail/outbox/" + entry.file())) {
                Api.Response response = staff.get(path);
                assertThat(response.status()).as(user + " " + path).isEqualTo(403);
                assertThat(response.contentType()).as(user + " " + path).startsWith("application/problem+json");
                assertThat(response.json().get("status").asInt()).isEqualTo(403);
                assertThat(response.body()).doesNotContain(entry.subject());
            }
            assertThat(staff.page("/api/mail/outbox").status()).as(user).isEqualTo(403);
        }

        Api admin = anonymous.as("demo", "demo");
        Api.Response list = admin.get("/api/mail/outbox?limit=500");
        assertThat(list.status()).isEqualTo(200);
        JsonNode found = null;
        for (JsonNode e : list.json()) {
            if (e.get("file").asText().equals(entry.file())) {
                found = e;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("subject").asText()).isEqualTo(entry.subject());
        assertThat(found.get("to").get(0).asText()).isEqualTo("Trần Văn Minh <chuyenvien.taichinh@motcua.test>");
        assertThat(found.get("time").asText()).endsWith("+07:00");

        // opened in a browser, the same list is a page, values escaped
        Api.Response page = admin.page("/api/mail/outbox?limit=500");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Hộp thư đi").contains("href=\"/api/mail/outbox/" + entry.file() + "\"")
                .contains("Trần Văn Minh &lt;chuyenvien.taichinh@motcua.test&gt;");
    }

    @Test
    void anAdministratorSeesTheSurveyLinkMaskedWhileTheFileKeepsIt() throws Exception {
        String token = "Ab3_-" + UUID.randomUUID().toString().replace("-", "").substring(0, 30) + "xY9zQ1w2";
        assertThat(token).hasSize(43);
        MailOutbox.Entry entry = sendInvitation(token);
        // what would be sent holds the link
        String onDisk = new String(Files.readAllBytes(outbox.open(entry.file()).orElseThrow()), StandardCharsets.UTF_8);
        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(onDisk.getBytes(StandardCharsets.UTF_8)));
        List<Part> sentParts = new ArrayList<>();
        SmtpMailerTest.leaves(sent, sentParts);
        assertThat((String) sentParts.get(0).getContent()).contains("/khao-sat/" + token);

        Api.Response raw = anonymous.as("demo", "demo").get("/api/mail/outbox/" + entry.file());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType()).startsWith("message/rfc822");
        assertThat(raw.body()).doesNotContain(token).doesNotContain(token.substring(0, 20));
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getSubject()).isEqualTo(entry.subject());
        assertThat(parsed.getMessageID()).isEqualTo(entry.messageId());
        List<Part> parts = new ArrayList<>();
        SmtpMailerTest.leaves(parsed, parts);
        assertThat(parts).isNotEmpty();
        for (Part part : parts) {
            String text = (String) part.getContent();
            assertThat(text).doesNotContain(token).contains("/khao-sat/[đã-ẩn]").contains("Lê Thị Thu Hà");
        }
    }

    @Test
    void noNameLeadsOutOfTheOutbox() throws Exception {
        // a file that looks like an outbox file, one folder up
        String outside = "20250101-000000-000-deadbeef.eml";
        Files.writeString(outbox.folder().resolveSibling(outside), "Subject: secret\r\n\r\nsecret\r\n");
        Api admin = anonymous.as("demo", "demo");
        String absolute = outbox.folder().resolveSibling(outside).toAbsolutePath().toString();
        for (String name : List.of("..%2F" + outside, "%2E%2E%2F" + outside, "..%5C" + outside, "../" + outside,
                "..", "%2E%2E", "..%2F..%2Fpom.xml", "20250101-000000-000-00000000.eml", "x.eml",
                java.net.URLEncoder.encode(absolute, StandardCharsets.UTF_8), "%2F" + absolute.substring(1).replace("/", "%2F"),
                outside.replace(".eml", "%00.eml"), outside + "%00", "%00")) {
            Api.Response response = admin.get("/api/mail/outbox/" + name);
            assertThat(response.status()).as(name).isIn(400, 404);
            assertThat(response.contentType()).as(name).startsWith("application/problem+json");
            assertThat(response.body()).as(name).doesNotContain("secret");
        }
        assertThat(outbox.open("../" + outside)).isEmpty();
        assertThat(outbox.open("..")).isEmpty();
        assertThat(outbox.open(absolute)).isEmpty();
        assertThat(outbox.open(outside + "\0")).isEmpty();
    }
}
