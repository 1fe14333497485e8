package vn.motcua.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code Idempotency-Key} of the requests that create dossiers.
 *
 * @param retention how long a key answers with its first answer (default 24 h); after that it is forgotten
 * @param waitForFirst how long a request waits for another one with the same key still under way (the first)
 *                     before it answers 409
 */
@ConfigurationProperties("motcua.idempotency")
public record IdempotencyProperties(
        @DefaultValue("PT24H") Duration retention,
        @DefaultValue("PT60S") Duration waitForFirst) {
}
