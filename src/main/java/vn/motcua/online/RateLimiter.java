package vn.motcua.online;

import java.time.Duration;
import java.util.Optional;

/** Counts requests per key (a bucket and a client address) against a limit. */
public interface RateLimiter {

    /**
     * Takes one request from the key's allowance.
     *
     * @return empty when the request may go on; otherwise how long until it would be allowed
     */
    Optional<Duration> acquire(String key, OnlineProperties.RateLimit limit);
}
