package vn.motcua.online;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.motcua.ratelimit.RateLimit;

/**
 * Limits on what one client address may ask of the public channel. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} so that the address is the citizen's, taken from
 * {@code X-Forwarded-For} only when the proxy is a trusted internal address.
 *
 * @param filing filings, supplements sent (default 10 an hour)
 * @param lookup look-ups and result downloads (default 60 in 10 minutes)
 */
@ConfigurationProperties("motcua.online")
public record OnlineProperties(RateLimit filing, RateLimit lookup) {

    public OnlineProperties {
        filing = filing != null ? filing : new RateLimit(10, Duration.ofHours(1));
        lookup = lookup != null ? lookup : new RateLimit(60, Duration.ofMinutes(10));
    }
}
