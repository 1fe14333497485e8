package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Instant;
import java.util.Properties;

import javax.net.ssl.SSLSocket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mail over TLS from the first byte ({@code smtps}, GreenMail's own certificate trusted by name): the sockets with
 * Nagle's algorithm off ({@link NoDelaySocketFactory}) still carry TLS, laid over them by Jakarta Mail.
 */
class SmtpsTransportTest {

    @RegisterExtension
    static final GreenMailExtension smtps = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());

    @Test
    void aMessageGoesOverTlsOnASocketThatSendsAtOnce() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setProtocol("smtps");
        sender.setHost("127.0.0.1");
        sender.setPort(smtps.getSmtps().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtps.connectiontimeout", "5000");
        properties.put("mail.smtps.timeout", "5000");
        properties.put("mail.smtps.writetimeout", "5000");
        properties.put("mail.smtps.ssl.trust", "127.0.0.1");
        properties.put("mail.smtps.ssl.checkserveridentity", "false");
        sender.setJavaMailProperties(properties);
        SmtpTransport transport = new SmtpTransport(sender);
        try {
            MimeMessage message = transport.newMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom("no-reply@motcua.local");
            helper.setTo("giamsat.thuanhoa@motcua.test");
            helper.setSubject("Hồ sơ 000.00.01.H57-251124-0001 đã quá hạn");
            helper.setText("Nội dung");
            message.setHeader("Message-ID", "<smtps.motcua@motcua.local>");
            transport.deliver(message, Instant.now());
        } finally {
            transport.close();
        }
        assertThat(smtps.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtps.getReceivedMessages()[0].getSubject()).isEqualTo("Hồ sơ 000.00.01.H57-251124-0001 đã quá hạn");

        Transport connected = sender.getSession().getTransport("smtps");
        connected.connect(sender.getHost(), sender.getPort(), null, null);
        try {
            Socket socket = SmtpTransportTest.socketOf(connected);
            assertThat(socket).isInstanceOf(SSLSocket.class);
            assertThat(((SSLSocket) socket).getSession().isValid()).isTrue();
            assertThat(socket.getTcpNoDelay()).isTrue();
        } finally {
            connected.close();
        }
    }
}
