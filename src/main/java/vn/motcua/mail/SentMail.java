package vn.motcua.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of the mail log: a message that the SMTP server or the outbox accepted, by its idempotency key. */
@Entity
@Immutable
@Table(name = "mail_log")
class SentMail {

    static final int KEY_LENGTH = 200;
    static final int RECIPIENTS_LENGTH = 2000;
    static final int SUBJECT_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = KEY_LENGTH)
    private String idempotencyKey;

    @Column(nullable = false, updatable = false, length = RECIPIENTS_LENGTH)
    private String recipients;

    @Column(nullable = false, updatable = false, length = SUBJECT_LENGTH)
    private String subject;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MailTransport.Kind transport;

    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;

    protected SentMail() {
    }

    SentMail(String idempotencyKey, String recipients, String subject, Instant sentAt, MailTransport.Kind transport,
            String messageId) {
        this.idempotencyKey = idempotencyKey;
        this.recipients = cut(recipients, RECIPIENTS_LENGTH);
        this.subject = cut(subject, SUBJECT_LENGTH);
        this.sentAt = sentAt;
        this.transport = transport;
        this.messageId = messageId;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getRecipients() {
        return recipients;
    }

    String getSubject() {
        return subject;
    }

    Instant getSentAt() {
        return sentAt;
    }

    MailTransport.Kind getTransport() {
        return transport;
    }

    String getMessageId() {
        return messageId;
    }
}
