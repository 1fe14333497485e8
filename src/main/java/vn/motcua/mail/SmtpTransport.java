package vn.motcua.mail;

import java.time.Instant;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail through Spring's {@link JavaMailSender}, i.e. the SMTP server of {@code spring.mail.*}. */
record SmtpTransport(JavaMailSender sender) implements MailTransport {

    @Override
    public Kind kind() {
        return Kind.SMTP;
    }

    @Override
    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public void deliver(MimeMessage message, Instant at) {
        // JavaMailSenderImpl keeps a Message-ID that is already set
        sender.send(message);
    }

    @Override
    public String describe() {
        return sender instanceof JavaMailSenderImpl impl
                ? "SMTP server " + impl.getHost() + ":" + (impl.getPort() < 0 ? "default port" : impl.getPort())
                : "SMTP";
    }
}
