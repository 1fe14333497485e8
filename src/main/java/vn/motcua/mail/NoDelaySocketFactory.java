package vn.motcua.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sockets to the SMTP server with Nagle's algorithm off ({@code TCP_NODELAY}).
 *
 * <p>Jakarta Mail writes a message's data in pieces and then the line that ends it ({@code .}); with Nagle's algorithm
 * on, that last small piece waits until the server acknowledges the one before, and a server's system holds its
 * acknowledgement back for up to 40 ms hoping to send it with an answer, which it only has once the message has ended.
 * So every message waited about 40 ms on the job thread that sent it, more than half of an escalation's time on its
 * thread whatever the processors could do (10,000 step-overdue timers due at once, against an SMTP server on the same
 * host: 7,100 of the mails' waits for the server's answer took 40–49 ms).
 *
 * <p>Jakarta Mail takes a socket factory as a session property ({@code mail.<protocol>.socketFactory}); it connects
 * the socket itself, with its timeouts, and still lays TLS over it for {@code smtps} or STARTTLS.
 */
final class NoDelaySocketFactory extends SocketFactory {

    static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    private NoDelaySocketFactory() {
    }

    /**
     * Makes the sender's sessions use these sockets, unless its properties name a socket factory of their own for the
     * protocol (an operator's, given in {@code spring.mail.properties}), which is kept.
     */
    static void useFor(JavaMailSenderImpl sender) {
        String protocol = sender.getProtocol() == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : sender.getProtocol();
        String key = "mail." + protocol + ".socketFactory";
        Properties properties = sender.getJavaMailProperties();
        if (!properties.containsKey(key) && !properties.containsKey(key + ".class")) {
            properties.put(key, INSTANCE);
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
