package vn.motcua;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final GreenMail SERVER = start();

    private static GreenMail start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the test SMTP server", e);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Sends the application's mail to the test server and registers this as a bean for the tests. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", SERVER.getSmtp().getPort())));
            context.getBeanFactory().registerSingleton("mailServer", new MailServer());
        }
    }

    /**
     * Every message the server received so far, once each (the server keeps a copy per recipient;
     * copies share their Message-ID).
     */
    public List<MimeMessage> received() {
        Map<String, MimeMessage> unique = new LinkedHashMap<>();
        for (MimeMessage message : SERVER.getReceivedMessages()) {
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

    /** The messages received for one address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    /** The messages whose subject mentions the text (a dossier code, say). */
    public List<MimeMessage> about(String text) {
        return received().stream().filter(m -> subject(m).contains(text)).toList();
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

    /** Blocks until the server got this many messages in all, or the timeout passes. */
    public boolean await(int count, long timeoutMillis) {
        return SERVER.waitForIncomingEmail(timeoutMillis, count);
    }
}
