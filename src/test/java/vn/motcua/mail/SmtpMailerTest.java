package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaTest;
import vn.motcua.calendar.WorkingCalendar;

/**
 * The mailer against a real SMTP server (GreenMail, on a free port) and the application's database:
 * what arrives, and that a key is delivered once whatever fails around it.
 */
@MotcuaTest
class SmtpMailerTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MailLog mailLog;
    @Autowired SentMailRepository sentMails;
    @Autowired MailTemplates templates;
    @Autowired WorkingCalendar calendar;
    @Autowired TransactionTemplate tx;

    JavaMailSenderImpl sender;
    Mailer mailer;

    @BeforeEach
    void mailerAgainstGreenMail() {
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "5000");
        timeouts.put("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(timeouts);
        mailer = new Mailer("Hệ thống Một cửa <no-reply@motcua.local>", mailLog, new SmtpTransport(sender), calendar);
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    MailMessage overdue(String applicant) {
        return templates.compose("step-overdue", MailTemplatesTest.overdue(applicant),
                List.of("Huỳnh Văn Tâm <giamsat.thuanhoa@motcua.test>", "giamsat.noivu@motcua.test"));
    }

    @Test
    void theMessageArrivesWithItsVietnameseSubjectBothBodiesAndTheAttachment() throws Exception {
        byte[] pdf = "%PDF-1.4 phiếu kiểm soát".getBytes(StandardCharsets.UTF_8);
        MailMessage message = overdue("Nguyễn Thị Ánh Tuyết").withAttachment("Phiếu kiểm soát.pdf", "application/pdf", pdf);
        String key = key();

        assertThat(mailer.send(message, key)).isTrue();

        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Hồ sơ 000.00.00.H57-250514-0007 đã quá hạn ở bước Thẩm định hồ sơ");
        assertThat(received.getHeader("Subject", null)).startsWith("=?UTF-8?");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@motcua.local");
        assertThat(from.getPersonal()).isEqualTo("Hệ thống Một cửa");
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("Huỳnh Văn Tâm");
        assertThat(received.getMessageID()).isEqualTo(mailLog.find(key).orElseThrow().getMessageId());

        List<Part> parts = new ArrayList<>();
        leaves(received, parts);
        Part text = parts.stream().filter(p -> is(p, "text/plain") && !isAttachment(p)).findFirst().orElseThrow();
        Part html = parts.stream().filter(p -> is(p, "text/html")).findFirst().orElseThrow();
        Part attachment = parts.stream().filter(SmtpMailerTest::isAttachment)
                .findFirst().orElseThrow();
        assertThat((String) text.getContent()).contains("Người nộp:     Nguyễn Thị Ánh Tuyết")
                .contains("1 ngày 2 giờ 30 phút");
        assertThat((String) html.getContent()).contains("<td style=\"padding:6px 0;border-bottom:1px solid #e5e7eb;\">Nguyễn Thị Ánh Tuyết</td>");
        assertThat(containsAlternative(received)).isTrue();
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(attachment.getFileName())).isEqualTo("Phiếu kiểm soát.pdf");
        assertThat(is(attachment, "application/pdf")).isTrue();
        assertThat(bytes(attachment)).isEqualTo(pdf);

        SentMail logged = mailLog.find(key).orElseThrow();
        assertThat(logged.getTransport()).isEqualTo(MailTransport.Kind.SMTP);
        assertThat(logged.getRecipients()).isEqualTo("Huỳnh Văn Tâm <giamsat.thuanhoa@motcua.test>, giamsat.noivu@motcua.test");
        assertThat(logged.getSubject()).isEqualTo(received.getSubject());
    }

    @Test
    void theSameKeyIsDeliveredOnceEvenWhenTheCallerRollsBack() {
        String key = key();
        MailMessage message = overdue("Phan Văn Khải");

        // an async step sends, then its transaction rolls back; the retry must not send again
        tx.executeWithoutResult(status -> {
            assertThat(mailer.send(message, key)).isTrue();
            status.setRollbackOnly();
        });
        assertThat(mailLog.isSent(key)).isTrue();
        Boolean again = tx.execute(status -> mailer.send(message, key));
        assertThat(again).isFalse();
        assertThat(mailer.send(message, key)).isFalse();

        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.waitForIncomingEmail(500, 3)).isFalse();
        assertThat(smtp.getReceivedMessages()).hasSize(2); // one message, two recipients
    }

    @Test
    void afterTheCommitTheMessageGoesOnceAndOnARollbackNotAtAll() {
        String key = key();
        MailMessage message = overdue("Lê Thị Hồng");
        List<RuntimeException> notSent = new ArrayList<>();

        tx.executeWithoutResult(status -> {
            mailer.sendAfterCommit(message, key, notSent::add);
            status.setRollbackOnly();
        });
        assertThat(smtp.waitForIncomingEmail(300, 1)).isFalse();
        assertThat(mailLog.isSent(key)).isFalse();

        tx.executeWithoutResult(status -> {
            mailer.sendAfterCommit(message, key, notSent::add);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        // recorded in a transaction of its own after the commit, as another transaction reads it
        assertThat(tx.<Boolean>execute(status -> mailLog.isSent(key))).isTrue();
        tx.executeWithoutResult(status -> mailer.sendAfterCommit(message, key, notSent::add));
        assertThat(smtp.waitForIncomingEmail(500, 3)).isFalse();
        assertThat(notSent).isEmpty();
    }

    @Test
    void aMessageTheServerDoesNotTakeAfterTheCommitGoesToNotSentWhichWritesInATransactionOfItsOwn() {
        String key = key();
        String fallback = key();
        List<RuntimeException> notSent = new ArrayList<>();
        smtp.stop();

        // nothing is thrown into the commit, not even what notSent throws
        tx.executeWithoutResult(status -> mailer.sendAfterCommit(overdue("Trương Văn Bình"), key, e -> {
            notSent.add(e);
            // a write that joins whatever transaction is there
            tx.executeWithoutResult(inner -> sentMails.saveAndFlush(new SentMail(fallback,
                    "giamsat.thuanhoa@motcua.test", "sent again later", calendar.now(), MailTransport.Kind.SMTP,
                    "<" + fallback + "@motcua.test>")));
            throw new IllegalStateException("the fallback failed after its write");
        }));

        assertThat(notSent).singleElement().isInstanceOf(MailNotSent.class);
        assertThat(mailLog.isSent(key)).isFalse();
        // what notSent wrote in a transaction of its own is committed
        assertThat(tx.<Boolean>execute(status -> mailLog.isSent(fallback))).isTrue();
    }

    @Test
    void whenTheServerIsDownNothingIsRecordedAndTheRetryDeliversOnce() {
        String key = key();
        MailMessage message = overdue("Đoàn Thị Điểm");
        smtp.stop();

        assertThatThrownBy(() -> mailer.send(message, key))
                .isInstanceOf(MailNotSent.class)
                .hasCauseInstanceOf(jakarta.mail.MessagingException.class)
                .satisfies(e -> assertThat(((MailNotSent) e).idempotencyKey()).isEqualTo(key));
        assertThat(mailLog.isSent(key)).isFalse();
        assertThat(mailer.wasSent(key)).isFalse();

        smtp.start();
        sender.setPort(smtp.getSmtp().getPort());
        assertThat(mailer.send(message, key)).isTrue();
        assertThat(mailer.send(message, key)).isFalse();
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.waitForIncomingEmail(500, 3)).isFalse();
        assertThat(mailer.wasSent(key)).isTrue();
    }

    static boolean is(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean containsAlternative(Part part) throws Exception {
        if (part.isMimeType("multipart/alternative")) {
            Multipart alternative = (Multipart) part.getContent();
            return alternative.getCount() == 2 && alternative.getBodyPart(0).isMimeType("text/plain")
                    && alternative.getBodyPart(1).isMimeType("text/html");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                if (containsAlternative(multipart.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    static void leaves(Part part, List<Part> into) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves(child, into);
            }
        } else {
            into.add(part);
        }
    }

    static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
