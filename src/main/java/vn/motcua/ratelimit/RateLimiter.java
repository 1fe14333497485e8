package vn.motcua.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Counts requests per key (a bucket and a client address) against a limit. Shared by the online channel's
 * per-address limits and the login throttle; keys are prefixed by their bucket.
 */
public interface RateLimiter {

    /**
     * Takes one request from the key's allowance.
     *
     * @return empty when the request may go on; otherwise how long until it would be allowed
     */
    Optional<Duration> acquire(String key, RateLimit limit);

    /**
     * Whether the key's allowance is used up, without taking from it (for limits that count only failures).
     *
     * @return empty when one more would be allowed; otherwise how long until it would be
     */
    Optional<Duration> exhausted(String key, RateLimit limit);

    /**
     * {@link #exhausted(String, RateLimit)} of several keys, each against its own limit.
     *
     * @return empty when one more would be allowed on every key; otherwise the longest wait of those used up
     */
    default Optional<Duration> exhausted(Map<String, RateLimit> limits) {
        return limits.entrySet().stream().map(e -> exhausted(e.getKey(), e.getValue())).flatMap(Optional::stream)
                .max(Duration::compareTo);
    }
}
