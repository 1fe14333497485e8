package vn.motcua.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The sliding window of the rate limits and the login throttle, without the application. */
class SlidingWindowRateLimiterTest {

    @Test
    void theSlidingWindowAllowsTheLimitThenSaysHowLongToWait() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(clock);
        RateLimit threePerMinute = new RateLimit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a", threePerMinute)).isEmpty();
            clock.now = clock.now.plusSeconds(10);
        }
        Optional<Duration> wait = limiter.acquire("a", threePerMinute);
        assertThat(wait).contains(Duration.ofSeconds(30));
        assertThat(limiter.acquire("b", threePerMinute)).isEmpty();
        clock.now = clock.now.plusSeconds(30);
        assertThat(limiter.acquire("a", threePerMinute)).isEmpty();
        assertThat(limiter.acquire("a", threePerMinute)).isPresent();
    }

    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void exhaustedLooksWithoutTaking() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(clock);
        RateLimit twoPerMinute = new RateLimit(2, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.exhausted("a", twoPerMinute)).isEmpty();
        }
        assertThat(limiter.acquire("a", twoPerMinute)).isEmpty();
        clock.now = clock.now.plusSeconds(20);
        assertThat(limiter.acquire("a", twoPerMinute)).isEmpty();
        assertThat(limiter.exhausted("a", twoPerMinute)).contains(Duration.ofSeconds(40));
        assertThat(limiter.exhausted("b", twoPerMinute)).isEmpty();
        clock.now = clock.now.plusSeconds(40);
        assertThat(limiter.exhausted("a", twoPerMinute)).isEmpty();
    }
}
