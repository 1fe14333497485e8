package vn.motcua.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory sliding window per key: the times of the requests allowed within the last window.
 * Enough for one application instance; several instances behind a load balancer each count their
 * own (put a shared implementation behind {@link RateLimiter} then).
 */
public class SlidingWindowRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1000;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public SlidingWindowRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Duration> acquire(String key, RateLimit limit) {
        Instant now = clock.instant();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.entrySet().removeIf(e -> e.getValue().idleSince(now));
        }
        return windows.computeIfAbsent(key, k -> new Window(limit.window())).acquire(now, limit, true);
    }

    @Override
    public Optional<Duration> exhausted(String key, RateLimit limit) {
        Window window = windows.get(key);
        return window == null ? Optional.empty() : window.acquire(clock.instant(), limit, false);
    }

    private static final class Window {

        private final Deque<Instant> allowed = new ArrayDeque<>();
        private final Duration length;

        Window(Duration length) {
            this.length = length;
        }

        synchronized Optional<Duration> acquire(Instant now, RateLimit limit, boolean take) {
            Instant start = now.minus(limit.window());
            while (!allowed.isEmpty() && !allowed.peekFirst().isAfter(start)) {
                allowed.pollFirst();
            }
            if (allowed.size() < limit.requests()) {
                if (take) {
                    allowed.addLast(now);
                }
                return Optional.empty();
            }
            // the oldest request leaves the window first
            return Optional.of(Duration.between(start, allowed.peekFirst()));
        }

        synchronized boolean idleSince(Instant now) {
            return allowed.isEmpty() || !allowed.peekLast().isAfter(now.minus(length));
        }
    }
}
