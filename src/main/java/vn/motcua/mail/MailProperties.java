package vn.motcua.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where mail comes from and where it goes when no SMTP server is configured. SMTP itself is
 * Spring Boot's {@code spring.mail.*} (host, port, username, password, properties): with
 * {@code spring.mail.host} set, mail goes to that server; without it, to the outbox folder.
 *
 * @param from   the sender, an RFC 5322 address with an optional display name
 * @param outbox the folder that receives one {@code .eml} file per message when there is no SMTP server
 */
@ConfigurationProperties("motcua.mail")
public record MailProperties(
        @DefaultValue("Motcua <no-reply@motcua.local>") String from,
        @DefaultValue("./data/outbox") Path outbox) {
}
