package vn.motcua.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.motcua.ratelimit.RateLimit;

/**
 * How many failed logins a client address may make before it must wait. Only failures count; the limit is kept
 * per client address and per (client address, user name), never per user name alone, so that a stranger's wrong
 * passwords never keep the real user out (Camunda's own per-user delay is turned off in {@code application.yml}).
 * Behind a reverse proxy set {@code server.forward-headers-strategy=native} so that the address is the client's.
 *
 * @param perAddress failed logins from one address, whatever the user names (default 30 in 15 minutes)
 * @param perUser    failed logins from one address for one user name (default 10 in 15 minutes)
 */
@ConfigurationProperties("motcua.login")
record LoginThrottleProperties(RateLimit perAddress, RateLimit perUser) {

    LoginThrottleProperties {
        perAddress = perAddress != null ? perAddress : new RateLimit(30, Duration.ofMinutes(15));
        perUser = perUser != null ? perUser : new RateLimit(10, Duration.ofMinutes(15));
    }
}
