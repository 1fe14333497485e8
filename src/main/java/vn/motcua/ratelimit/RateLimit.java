package vn.motcua.ratelimit;

import java.time.Duration;

/**
 * How many requests (or failed attempts) a key may make in any sliding window.
 *
 * @param requests how many an address may make in any window
 * @param window   the sliding window
 */
public record RateLimit(int requests, Duration window) {

    public RateLimit {
        if (requests < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request in a positive window");
        }
    }
}
