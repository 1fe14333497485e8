package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The SMTP transport against a real SMTP server (GreenMail), reached through a relay that counts the connections
 * made to it and can cut them, as a server that closes idle connections does: messages share connections, each
 * arrives once with its own Message-ID, and a connection the server dropped is replaced without losing or doubling
 * the message.
 */
class SmtpTransportTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    Relay relay;
    SmtpTransport transport;

    @BeforeEach
    void transportThroughARelay() throws IOException {
        relay = new Relay(smtp.getSmtp().getPort());
        transport = transport(SmtpTransport.CHECK_AFTER_NANOS);
    }

    SmtpTransport transport(long checkAfterNanos) {
        if (transport != null) {
            transport.close();
        }
        return new SmtpTransport(sender(relay.port()), checkAfterNanos);
    }

    static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "5000");
        timeouts.put("mail.smtp.timeout", "5000");
        timeouts.put("mail.smtp.quitwait", "false");
        sender.setJavaMailProperties(timeouts);
        return sender;
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        relay.close();
    }

    @Test
    void messagesOneAfterAnotherShareAConnectionEachArrivingOnceWithItsMessageId() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(deliver("Hồ sơ " + i));
        }

        assertThat(smtp.waitForIncomingEmail(5000, 25)).isTrue();
        assertThat(receivedIds()).containsExactlyInAnyOrderElementsOf(ids);
        // 20 messages on the first connection, then a new one: not one connection per message
        assertThat(relay.accepted()).isEqualTo(2);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheMessageArrivesOnce() throws Exception {
        transport = transport(0); // every kept connection is asked whether it still answers
        String first = deliver("trước");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();

        relay.cutAll(); // the server closed the idle connection while it waited in the pool
        String second = deliver("sau");

        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.waitForIncomingEmail(300, 3)).isFalse();
        assertThat(receivedIds()).containsExactlyInAnyOrder(first, second);
        assertThat(relay.accepted()).isEqualTo(2);
    }

    @Test
    void aConnectionLostAfterTheMessageWentOutFailsTheCallWithoutSendingItAgain() throws Exception {
        String first = deliver("trước");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();

        // the message's data reaches the server, then the connection is lost before its answer
        relay.cutAfterData(true);
        assertThatThrownBy(() -> deliver("mất kết nối sau dữ liệu")).isInstanceOf(MessagingException.class);

        // the server has it once: it was not sent again on a new connection (the caller's retry decides)
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.waitForIncomingEmail(500, 3)).isFalse();
        assertThat(receivedIds()).contains(first).hasSize(2);
        assertThat(relay.accepted()).isEqualTo(1);
    }

    @Test
    void sendersAtTheSameTimeEachHaveAConnectionOfTheirOwnAndNothingIsMixedUp() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> sent = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                sent.add(threads.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        ids.add(deliver("luồng " + thread + " thư " + i));
                    }
                    return ids;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> f : sent) {
                ids.addAll(f.get());
            }

            assertThat(smtp.waitForIncomingEmail(10_000, 40)).isTrue();
            assertThat(receivedIds()).containsExactlyInAnyOrderElementsOf(ids);
            // at most four at once, a fifth or sixth when one reached its 20 messages; one per message would be 40
            assertThat(relay.accepted()).isBetween(1, 6);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aServerThatIsDownFailsTheMessageAndOnceBackTakesTheNextOne() throws Exception {
        deliver("trước");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        relay.refuse(true);
        relay.cutAll();

        assertThatThrownBy(() -> deliver("trong lúc máy chủ ngừng")).isInstanceOf(MessagingException.class);

        relay.refuse(false);
        String after = deliver("sau");
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.waitForIncomingEmail(300, 3)).isFalse();
        assertThat(receivedIds()).contains(after).hasSize(2);
    }

    @Test
    void closingLetsGoOfTheConnectionsKeptOpen() throws Exception {
        deliver("một");
        assertThat(relay.open()).isEqualTo(1);

        transport.close();

        long until = System.nanoTime() + 5_000_000_000L;
        while (relay.open() > 0 && System.nanoTime() < until) {
            Thread.sleep(10); // the server's side closes once it read the QUIT
        }
        assertThat(relay.open()).isZero();
    }

    @Test
    void theSocketToTheServerSendsEachPieceOfAMessageAtOnce() throws Exception {
        // with Nagle's algorithm on, the line that ends a message waits for the server's acknowledgement of the data
        // before it (up to 40 ms); the socket that Jakarta Mail connects, with the application's timeouts, has it off
        JavaMailSenderImpl sender = sender(relay.port());
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "5000");
        transport.close();
        transport = new SmtpTransport(sender);
        String id = deliver("Hồ sơ 000.00.01.H57-251124-0001");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(receivedIds()).containsExactly(id);

        Transport connected = sender.getSession().getTransport("smtp");
        connected.connect(sender.getHost(), sender.getPort(), null, null);
        try {
            Socket socket = socketOf(connected);
            assertThat(socket.isConnected()).isTrue();
            assertThat(socket.getPort()).isEqualTo(relay.port());
            assertThat(socket.getTcpNoDelay()).isTrue();
            assertThat(socket.getSoTimeout()).isEqualTo(5000);
        } finally {
            connected.close();
        }
    }

    @Test
    void aSocketFactoryTheOperatorNamedIsKept() throws Exception {
        JavaMailSenderImpl sender = sender(relay.port());
        sender.getJavaMailProperties().put("mail.smtp.socketFactory.class", "javax.net.DefaultSocketFactory");
        new SmtpTransport(sender).close();
        assertThat(sender.getJavaMailProperties()).doesNotContainKey("mail.smtp.socketFactory")
                .containsEntry("mail.smtp.socketFactory.class", "javax.net.DefaultSocketFactory");

        JavaMailSenderImpl smtps = sender(relay.port());
        smtps.setProtocol("smtps");
        new SmtpTransport(smtps).close();
        assertThat(smtps.getJavaMailProperties()).containsKey("mail.smtps.socketFactory")
                .doesNotContainKey("mail.smtp.socketFactory");
    }

    /** The socket a connected Jakarta Mail transport talks over (its own field: the API does not give it). */
    static Socket socketOf(Transport transport) throws IllegalAccessException {
        for (Class<?> type = transport.getClass(); type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                if (Socket.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return (Socket) field.get(transport);
                }
            }
        }
        throw new AssertionError("no socket in " + transport.getClass());
    }

    private String deliver(String subject) throws Exception {
        MimeMessage message = transport.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("no-reply@motcua.local");
        helper.setTo("giamsat.thuanhoa@motcua.test");
        helper.setSubject(subject);
        helper.setText("Nội dung: " + subject);
        String id = "<" + Integer.toHexString(subject.hashCode()) + "." + System.nanoTime() + ".motcua@motcua.local>";
        message.setHeader("Message-ID", id);
        transport.deliver(message, Instant.now());
        return id;
    }

    private static List<String> receivedIds() throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage received : smtp.getReceivedMessages()) {
            ids.add(received.getMessageID());
        }
        return ids;
    }

    /** A TCP relay to the SMTP server that counts the connections made through it and can cut or refuse them. */
    static final class Relay implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket[]> live = new CopyOnWriteArrayList<>();
        private volatile boolean refusing;
        private volatile boolean cuttingAfterData;

        Relay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        int open() {
            return (int) live.stream().filter(pair -> !pair[0].isClosed()).count();
        }

        void refuse(boolean refuse) {
            refusing = refuse;
        }

        /** Passes a message's data on to the server, then closes the client's side before the server's answer. */
        void cutAfterData(boolean cut) {
            cuttingAfterData = cut;
        }

        void cutAll() {
            for (Socket[] pair : live) {
                closeQuietly(pair);
            }
            live.clear();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (refusing) {
                        client.close();
                        continue;
                    }
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    Socket[] pair = {client, upstream};
                    live.add(pair);
                    java.util.concurrent.atomic.AtomicBoolean muted = new java.util.concurrent.atomic.AtomicBoolean();
                    pump(client, upstream, pair, true, muted);
                    pump(upstream, client, pair, false, muted);
                } catch (IOException e) {
                    // the relay was closed
                }
            }
        }

        private void pump(Socket from, Socket to, Socket[] pair, boolean fromClient,
                java.util.concurrent.atomic.AtomicBoolean muted) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                String tail = "";
                boolean cut = false;
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    for (int n = in.read(buffer); n >= 0 && !cut; n = in.read(buffer)) {
                        if (fromClient && cuttingAfterData) {
                            // the end of a message's data, "CRLF.CRLF", possibly split over two reads: the server's
                            // answer to it is not passed on
                            tail = tail + new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                            cut = tail.contains("\r\n.\r\n");
                            tail = tail.substring(Math.max(0, tail.length() - 4));
                            muted.compareAndSet(false, cut);
                        }
                        if (!muted.get() || fromClient) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // one side closed
                } finally {
                    if (cut) {
                        // the client's side only: the server reads the whole message, stores it and answers into the
                        // void, and the other pump closes the rest then
                        try {
                            pair[0].close();
                        } catch (IOException e) {
                            // already closed
                        }
                    } else {
                        closeQuietly(pair);
                    }
                }
            }, "smtp-relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket[] pair) {
            Arrays.stream(pair).forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    // already closed
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
            cutAll();
        }
    }
}
