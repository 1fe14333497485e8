package vn.motcua.mail;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail through the SMTP server of {@code spring.mail.*}, over connections that stay open for the next message.
 *
 * <p>Spring's {@link JavaMailSender} opens a connection for every message: connect, greeting, EHLO (and STARTTLS and
 * AUTH where the server asks for them), the message, QUIT. When many mails go out at once (the steps that fall overdue
 * at nine on a Monday morning), that set-up is most of each mail's time, and the job thread that sends it waits through
 * it. Here a connection that delivered a message goes back to a small pool and the next message, on any thread, takes
 * it: one thread at a time per connection, so no more connections are open at once than messages are being sent at
 * once, as before. A connection is closed after {@value #MESSAGES_PER_CONNECTION} messages (servers limit how many they
 * take on one connection), or when the pool already holds {@value #POOLED} idle ones; one idle longer than
 * {@link #IDLE_NANOS} is not used again and is closed when the pool is next looked at, by the next message (a server
 * closes its end of an idle connection itself, RFC 5321 lets it after five minutes).
 *
 * <p>Its sockets send each piece of a message at once ({@link NoDelaySocketFactory}): otherwise the end of every
 * message waited some 40 ms for the server's acknowledgement of the piece before.
 *
 * <p>A kept connection idle for more than a second is asked whether it still answers (NOOP) before it is used. A
 * message that fails on a kept connection before any of it went out (the connection found closed, no answer or 421
 * to {@code MAIL FROM}) is sent once more on a new connection; any other failure fails the call, as a failure on a new
 * connection does, and the caller's retry decides, so that nothing is sent twice that one connection per message would
 * not have sent twice.
 */
final class SmtpTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(SmtpTransport.class);

    static final int MESSAGES_PER_CONNECTION = 20;
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final int POOLED = 8;
    static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final JavaMailSender sender;
    private final long checkAfterNanos;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    SmtpTransport(JavaMailSender sender) {
        this(sender, CHECK_AFTER_NANOS);
    }

    /** With the idle time after which a kept connection is asked whether it still answers before it is used. */
    SmtpTransport(JavaMailSender sender, long checkAfterNanos) {
        this.sender = sender;
        this.checkAfterNanos = checkAfterNanos;
        if (sender instanceof JavaMailSenderImpl server) {
            NoDelaySocketFactory.useFor(server);
        }
    }

    @Override
    public Kind kind() {
        return Kind.SMTP;
    }

    @Override
    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public void deliver(MimeMessage message, Instant at) throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl server)) {
            sender.send(message);
            return;
        }
        // as JavaMailSenderImpl does: headers brought up to date, the Message-ID that was set kept
        if (message.getSentDate() == null) {
            message.setSentDate(Date.from(at));
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Address[] recipients = message.getAllRecipients();
        Address[] to = recipients == null ? new Address[0] : recipients;

        Connection pooled = take();
        if (pooled != null) {
            try {
                pooled.send(message, to);
                release(pooled);
                return;
            } catch (MessagingException | RuntimeException e) {
                pooled.close();
                if (!beforeTheMessage(e)) {
                    throw e;
                }
                log.debug("An SMTP connection kept open was gone ({}); sending on a new one", e.toString());
            }
        }
        Connection fresh = open(server);
        try {
            fresh.send(message, to);
        } catch (MessagingException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        release(fresh);
    }

    /** Closes the connections kept open; a message delivered afterwards opens one for itself and closes it. */
    @Override
    public void close() {
        closed = true;
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.close();
        }
    }

    @Override
    public String describe() {
        return sender instanceof JavaMailSenderImpl impl
                ? "SMTP server " + impl.getHost() + ":" + (impl.getPort() < 0 ? "default port" : impl.getPort())
                : "SMTP";
    }

    /**
     * Whether a kept connection failed before any of the message went out, so that sending it on a new connection
     * cannot deliver it twice: Jakarta Mail found the connection closed already, or the envelope's first command
     * ({@code MAIL FROM}) got no answer (-1: the connection was gone) or 421 (the server closes it). A failure later
     * on (a recipient refused, the connection lost after the message's data) is the call's failure, as on a new
     * connection: the caller's retry, later, decides.
     */
    private static boolean beforeTheMessage(Exception e) {
        if (e instanceof IllegalStateException) {
            return true; // "Not connected": nothing was sent
        }
        return e instanceof SMTPSendFailedException answered && answered.getCommand() != null
                && answered.getCommand().startsWith("MAIL FROM")
                && (answered.getReturnCode() < 0 || answered.getReturnCode() == 421);
    }

    /**
     * The most recently used idle connection that was not idle too long and still answers; those taken on the way are
     * closed. One idle for more than {@link #CHECK_AFTER_NANOS} is asked first (a NOOP, one round trip): a server may
     * have closed it meanwhile. In a burst of mail a connection comes back within milliseconds and is not asked.
     */
    private Connection take() {
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            long idleFor = System.nanoTime() - connection.idleSince;
            if (idleFor <= IDLE_NANOS && (idleFor <= checkAfterNanos || connection.transport.isConnected())) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private void release(Connection connection) {
        if (closed || connection.sent >= MESSAGES_PER_CONNECTION) {
            connection.close();
            return;
        }
        connection.idleSince = System.nanoTime();
        idle.offerFirst(connection); // unbounded: always taken
        if (closed) {
            close(); // close() ran meanwhile: it may not have seen this one
            return;
        }
        // keep at most POOLED idle: close the least recently used beyond that, and those idle too long
        while (idle.size() > POOLED) {
            Connection oldest = idle.pollLast();
            if (oldest != null) {
                oldest.close();
            }
        }
        Connection oldest = idle.peekLast();
        if (oldest != null && System.nanoTime() - oldest.idleSince > IDLE_NANOS && idle.removeLastOccurrence(oldest)) {
            oldest.close();
        }
    }

    private Connection open(JavaMailSenderImpl server) throws MessagingException {
        // as JavaMailSenderImpl connects: its session (spring.mail.properties), protocol, host, port and account
        String protocol = server.getProtocol() == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : server.getProtocol();
        Transport transport = server.getSession().getTransport(protocol);
        String username = server.getUsername();
        String password = server.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(server.getHost(), server.getPort(), username, password);
        return new Connection(transport);
    }

    private static final class Connection {

        final Transport transport;
        int sent;
        long idleSince;

        Connection(Transport transport) {
            this.transport = transport;
        }

        void send(MimeMessage message, Address[] to) throws MessagingException {
            sent++;
            transport.sendMessage(message, to);
        }

        void close() {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing an SMTP connection: {}", e.toString());
            }
        }
    }
}
