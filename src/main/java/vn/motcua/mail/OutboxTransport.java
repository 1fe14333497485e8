package vn.motcua.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Mail into the outbox folder: the transport when no SMTP server is configured. */
record OutboxTransport(MailOutbox outbox, Session session) implements MailTransport {

    OutboxTransport(MailOutbox outbox) {
        this(outbox, Session.getInstance(new Properties()));
    }

    @Override
    public Kind kind() {
        return Kind.OUTBOX;
    }

    @Override
    public MimeMessage newMessage() {
        return new MimeMessage(session);
    }

    @Override
    public void deliver(MimeMessage message, Instant at) throws MessagingException, IOException {
        outbox.write(message, at);
    }

    @Override
    public String describe() {
        return "the outbox folder " + outbox.folder() + " (no spring.mail.host)";
    }
}
