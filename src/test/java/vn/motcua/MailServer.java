package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the application under test, one per test JVM on a free port.
 * Its {@link Initializer} points {@code spring.mail.host} and {@code spring.mail.port} at it before
 * the context starts, so every mail the application sends travels over SMTP and can be read back here.
 */
public class MailServer {

    private static final ServerSetup SETUP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail server = start();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test SMTP server", e);
        }
    }

    private static GreenMail start() {
        GreenMail started = new GreenMail(SETUP);
        started.start();
        return started;
    }

    /** An SMTP outage: the port refuses connections until {@link #restart()}; what was received is kept. */
    public synchronized void stop() {
        KEPT.addAll(Arrays.asList(server.getReceivedMessages()));
        server.stop();
    }

    public synchronized void restart() {
        server = start();
    }

    /**
     * Forgets every message received so far: a test class that floods the server (thousands of mails with dossier
     * codes another class's database may also issue) leaves it clean for the classes after it.
     */
    public synchronized void purge() {
        KEPT.clear();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the test SMTP server", e);
        }
    }

    /** Messages received before an outage (the server forgets them when it stops). */
    private static final List<MimeMessage> KEPT = new CopyOnWriteArrayList<>();

    /** Sends the application's mail to the test server and registers this as a bean for the tests. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", SETUP.getPort())));
            context.getBeanFactory().registerSingleton("mailServer", new MailServer());
        }
    }

    /**
     * Every message the server received so far, once each (the server KEPTs a copy per recipient;
     * copies share their Message-ID).
     */
    public List<MimeMessage> received() {
        Map<String, MimeMessage> unique = new LinkedHashMap<>();
        List<MimeMessage> all = new ArrayList<>(KEPT);
        all.addAll(Arrays.asList(server.getReceivedMessages()));
        for (MimeMessage message : all) {
            unique.putIfAbsent(messageId(message), message);
        }
        return List.copyOf(unique.values());
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every copy the server received for one address, duplicates included: a message sent twice under the
     * same Message-ID counts twice here (unlike {@link #to}).
     */
    public synchronized List<MimeMessage> everyCopyTo(String address) {
        List<MimeMessage> all = new ArrayList<>(KEPT);
        all.addAll(Arrays.asList(server.getReceivedMessages()));
        return all.stream().filter(m -> recipients(m).contains(address)).toList();
    }

    /** The messages received for one address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    /** The messages whose subject mentions the text (a dossier code, say). */
    public List<MimeMessage> about(String text) {
        return received().stream().filter(m -> subject(m).contains(text)).toList();
    }

    /** The one message about this text (a dossier code) whose subject says that; fails unless exactly one. */
    public MimeMessage single(String about, String subjectSays) {
        List<MimeMessage> found = about(about).stream().filter(m -> subject(m).contains(subjectSays)).toList();
        assertThat(found).as("mails about %s saying '%s'", about, subjectSays).hasSize(1);
        return found.get(0);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? List.of() : Arrays.stream(to).map(a -> a.toString()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message's decoded text parts (plain and HTML) and the names of its attachments. */
    public static String body(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            collect(message, text);
            return text.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attachment of this file name: its content type and bytes; fails when the message has none. */
    public static Attachment attachment(MimeMessage message, String fileName) {
        try {
            Attachment found = find(message, fileName);
            if (found == null) {
                throw new AssertionError("no attachment " + fileName + " in " + body(message));
            }
            return found;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attachment of a received message. */
    public record Attachment(String contentType, byte[] content) {
    }

    private static Attachment find(Part part, String fileName) throws MessagingException, IOException {
        if (fileName.equals(part.getFileName())) {
            return new Attachment(part.getContentType(), part.getInputStream().readAllBytes());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Attachment found = find(multipart.getBodyPart(i), fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collect(Part part, StringBuilder text) throws MessagingException, IOException {
        if (part.getFileName() != null) {
            text.append("[attachment ").append(part.getFileName()).append("]\n");
        }
        if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text);
            }
        }
    }
}
