package vn.motcua.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.activation.FileTypeMap;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.calendar.WorkingCalendar;

/**
 * Sends mail, at most once per idempotency key.
 *
 * <p>With {@code spring.mail.host} set the message goes to that SMTP server, configured as Spring's
 * {@link JavaMailSender}, over connections kept open for the next message ({@link SmtpTransport}); without it, into
 * the outbox folder ({@link MailOutbox}). Every message is
 * HTML with a plain-text alternative (multipart/alternative), UTF-8, its subject and names RFC 2047
 * encoded, from {@code motcua.mail.from}.
 *
 * <p>Meant for async process steps: {@link #send} looks the key up in {@code mail_log} first and
 * does nothing when it is there; once the server (or the outbox) accepted the message it records
 * the key in a transaction of its own that commits at once, so a caller that rolls back and runs
 * again does not send again. When that transaction cannot be had (the pool is dry:
 * {@code CannotCreateTransactionException}) the record joins the caller's transaction instead; and
 * whatever fails after acceptance, {@link #send} returns normally: nothing after the server's
 * acceptance makes the caller fail and retry. A message that was not accepted throws
 * {@link MailNotSent} and leaves no record, so the retry sends it. One window remains where a
 * message can go out twice: between the server's acceptance and a committed record, i.e. the
 * process dies there, or neither the record's own transaction nor the caller's can be committed
 * and the caller runs again (and two callers that send the same key at the same moment). The
 * Message-ID is derived from the key, so a duplicate is recognisable as such.
 *
 * <p>Every message not accepted counts in the metric {@code motcua_mail_failed_total} (each attempt;
 * a retried job that fails again counts again); every message accepted but not recorded, in
 * {@code motcua_mail_unrecorded_total}.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /**
     * Jakarta Mail looks up its stream provider on every message part it builds or writes, and unless this system
     * property names the provider, the lookup is a service-loader scan of the class path (of every jar of the packaged
     * application): a tenth of the processor time of the escalation jobs, sampled at 10,000 timers due at once.
     * Named here, it is one class lookup. Someone who set it on the command line keeps his own.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final InternetAddress from;
    private final MailLog mailLog;
    private final MailTransport transport;
    private final WorkingCalendar calendar;
    private final Counter failed;
    private final Counter notRecorded;

    @Autowired
    Mailer(MailProperties properties, MailLog mailLog, MailOutbox outbox, ObjectProvider<JavaMailSender> smtp,
            WorkingCalendar calendar, MeterRegistry meters) {
        this(properties.from(), mailLog, smtp.getIfAvailable() == null ? new OutboxTransport(outbox)
                : new SmtpTransport(smtp.getObject()),
                calendar, meters);
    }

    Mailer(String from, MailLog mailLog, MailTransport transport, WorkingCalendar calendar) {
        this(from, mailLog, transport, calendar, new SimpleMeterRegistry());
    }

    Mailer(String from, MailLog mailLog, MailTransport transport, WorkingCalendar calendar, MeterRegistry meters) {
        this.from = address(from);
        this.mailLog = mailLog;
        this.transport = transport;
        this.calendar = calendar;
        this.failed = Counter.builder("motcua.mail.failed")
                .description("Mails the server (or the outbox) did not accept: MailNotSent, each attempt")
                .register(meters);
        this.notRecorded = Counter.builder("motcua.mail.unrecorded")
                .description("Mails accepted but not recorded in the mail log (a retry of their step could send them again)")
                .register(meters);
        log.info("Mail from {} goes to {}", this.from.toUnicodeString(), transport.describe());
    }

    /**
     * Sends the message unless its key was sent before.
     *
     * @param message        what to send
     * @param idempotencyKey names this message for good, e.g. {@code step-due-soon:<dossier>:<task id>};
     *                       at most 200 characters
     * @return true if this call sent it, false if the key had been sent already
     * @throws MailNotSent when the SMTP server did not accept the message or the outbox could not store it
     */
    public boolean send(MailMessage message, String idempotencyKey) {
        Objects.requireNonNull(message, "message");
        checkKey(idempotencyKey);
        if (mailLog.isSent(idempotencyKey)) {
            log.debug("Mail {} was sent before; not sending again", idempotencyKey);
            return false;
        }
        deliver(message, idempotencyKey);
        return true;
    }

    /** Hands the message over and records its key; the key was found unsent. */
    private void deliver(MailMessage message, String idempotencyKey) {
        Instant now = calendar.now();
        String messageId = messageId(idempotencyKey);
        try {
            MimeMessage mime = transport.newMessage();
            fill(mime, message, now, messageId);
            transport.deliver(mime, now);
        } catch (Exception e) {
            log.warn("Mail {} not sent via {}: {}", idempotencyKey, transport.kind(), e.toString());
            failed.increment();
            throw new MailNotSent(idempotencyKey, e);
        }
        try {
            mailLog.record(new SentMail(idempotencyKey, String.join(", ", message.to()), message.subject(), now,
                    transport.kind(), messageId));
        } catch (RuntimeException e) {
            // The message is out. Whatever failed (no connection for the record's own transaction, the database,
            // the caller's transaction), failing now would make the caller retry and send it again.
            notRecorded.increment();
            log.error("Mail {} was sent via {} as {} but could not be recorded; it is not sent again by this call",
                    idempotencyKey, transport.kind(), messageId, e);
        }
        log.info("Mail {} sent via {} as {}", idempotencyKey, transport.kind(), messageId);
    }

    /**
     * Sends the message once the caller's transaction has committed, on the caller's thread, and not at all if it
     * rolls back: a mail about what the transaction records (an escalation, say) never goes out for something that
     * was not committed, and the transaction's row locks are not held while the SMTP server takes the message.
     * Without a transaction (no synchronization active) the message is sent at once. Otherwise as {@link #send}: at
     * most once per key, the key looked up in the caller's transaction and recorded after it.
     *
     * <p>Nothing is thrown at the caller's commit: a message the server did not take ({@link MailNotSent}), or any
     * other failure, goes to {@code notSent}, which runs outside the committed transaction (whatever it reads or
     * writes, it does in transactions of its own); what {@code notSent} throws is logged. A process that dies
     * between the commit and the hand-over loses the message, so a caller keeps something durable beside it (the
     * supervisors' task for the escalation mail).
     *
     * @param notSent what to do when the message could not be sent after the commit, e.g. send it again later
     */
    public void sendAfterCommit(MailMessage message, String idempotencyKey, Consumer<RuntimeException> notSent) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(notSent, "notSent");
        checkKey(idempotencyKey);
        // looked up now, in the caller's transaction, rather than in one more after it
        if (mailLog.isSent(idempotencyKey)) {
            log.debug("Mail {} was sent before; not sending again", idempotencyKey);
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deliverOr(message, idempotencyKey, notSent);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    mailLog.outsideTransaction(() -> deliverOr(message, idempotencyKey, notSent));
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    // anything else too, a mail provider's ServiceConfigurationError, say, but never into the
                    // committer: its work is committed, and a job would count as failed
                    log.error("Mail {}: not sent after the commit, and what follows could not be done", idempotencyKey,
                            e);
                }
            }
        });
    }

    private void deliverOr(MailMessage message, String idempotencyKey, Consumer<RuntimeException> notSent) {
        try {
            deliver(message, idempotencyKey);
        } catch (RuntimeException e) {
            notSent.accept(e);
        }
    }

    private static void checkKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > SentMail.KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key of 1 to " + SentMail.KEY_LENGTH + " characters is needed");
        }
    }

    /** Closes the transport's open connections when the application stops. */
    @PreDestroy
    void close() {
        transport.close();
    }

    /** Whether a message with this key was sent (and recorded). */
    public boolean wasSent(String idempotencyKey) {
        return mailLog.isSent(idempotencyKey);
    }

    /**
     * The file types of attachments given without one, made once: a message not made by Spring's mail sender (the
     * outbox's) would otherwise make them for each mail, reading every {@code mime.types} on the class path (1.2 MB
     * and a scan of the application's jars per mail).
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    private void fill(MimeMessage mime, MailMessage message, Instant now, String messageId) throws Exception {
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED,
                StandardCharsets.UTF_8.name()) {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
                return FILE_TYPES;
            }
        };
        helper.setFrom(from);
        helper.setTo(message.to().toArray(String[]::new));
        helper.setSubject(message.subject());
        helper.setSentDate(Date.from(now));
        if (message.html() == null) {
            helper.setText(message.text(), false);
        } else {
            helper.setText(message.text(), message.html());
        }
        for (MailMessage.Attachment a : message.attachments()) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        mime.setHeader("Message-ID", messageId);
    }

    /** The same key gives the same Message-ID: a duplicate after a crash is recognisable. */
    private String messageId(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".motcua@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress address(String from) {
        try {
            InternetAddress parsed = new InternetAddress(from, true);
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException("motcua.mail.from is not an email address: " + from, e);
        }
    }
}
