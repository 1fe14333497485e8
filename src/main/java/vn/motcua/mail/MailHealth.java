package vn.motcua.mail;

import java.nio.file.Files;
import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import vn.motcua.cluster.BoundedCheck;

/**
 * Where mail goes, in the health endpoint ({@code mail}, replacing Spring Boot's own): the SMTP server answering a
 * connection within 3 s (a check still waiting is not started again), or the outbox folder being writable. An unreachable server
 * is {@value #DEGRADED}, not DOWN: mail waits in its jobs and is retried, the node serves everything else, so a
 * load balancer must not take it out of service. {@code mail} is not in the readiness group; the overall status
 * shows DEGRADED (answered 200) while the server is away.
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator, DisposableBean {

    static final String DEGRADED = "DEGRADED";
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Duration KEEP = Duration.ZERO;

    private final BoundedCheck<Health> check;

    MailHealth(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl) {
            String server = impl.getHost() + ":" + (impl.getPort() < 0 ? 25 : impl.getPort());
            check = new BoundedCheck<>("mail-health", () -> {
                try {
                    impl.testConnection();
                    return Health.up().withDetail("transport", "SMTP").withDetail("server", server).build();
                } catch (Exception e) {
                    return degraded(server, e.getMessage());
                }
            }, bound -> degraded(server, "no answer within " + bound.toMillis() + " ms"),
                    failure -> degraded(server, failure.toString()), BOUND, KEEP);
        } else {
            check = new BoundedCheck<>("mail-health", () -> {
                // the folder is made with the first mail: its nearest existing folder must take it
                java.nio.file.Path folder = properties.outbox().toAbsolutePath().normalize();
                while (folder.getParent() != null && !Files.isDirectory(folder)) {
                    folder = folder.getParent();
                }
                boolean writable = Files.isWritable(folder);
                return (writable ? Health.up() : Health.status(DEGRADED)).withDetail("transport", "OUTBOX")
                        .withDetail("folder", properties.outbox().toAbsolutePath().normalize().toString())
                        .withDetail("writable", writable).build();
            }, bound -> Health.status(DEGRADED).withDetail("transport", "OUTBOX").build(),
                    failure -> Health.status(DEGRADED).withDetail("error", failure.toString()).build(), BOUND, KEEP);
        }
    }

    private static Health degraded(String server, String error) {
        // the status has no description: the overall status, which anonymous callers see, would carry it
        return Health.status(new Status(DEGRADED)).withDetail("transport", "SMTP").withDetail("server", server)
                .withDetail("error", String.valueOf(error))
                .withDetail("effect", "mail waits in its jobs and is retried; nothing else is affected").build();
    }

    @Override
    public Health health() {
        return check.get();
    }

    @Override
    public void destroy() {
        check.close();
    }
}
