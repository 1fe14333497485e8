package vn.motcua.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sliding window of the rate limits and the login throttle, kept in the database (H2, migrated by the
 * application's own Flyway scripts): two limiters on one database stand for two nodes.
 */
class DatabaseRateLimiterTest {

    MutableClock clock;
    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
    }

    DatabaseRateLimiter node() {
        return new DatabaseRateLimiter(jdbc, transactions, clock);
    }

    @Test
    void theSlidingWindowAllowsTheLimitThenSaysHowLongToWait() {
        DatabaseRateLimiter limiter = node();
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

    @Test
    void exhaustedLooksWithoutTaking() {
        DatabaseRateLimiter limiter = node();
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

    @Test
    void severalKeysAreLookedAtInOneReadEachAgainstItsOwnLimit() {
        DatabaseRateLimiter limiter = node();
        RateLimit twoPerMinute = new RateLimit(2, Duration.ofMinutes(1));
        RateLimit threePerHour = new RateLimit(3, Duration.ofHours(1));
        Map<String, RateLimit> both = Map.of("login|10.0.0.3", twoPerMinute, "login|10.0.0.3|an", threePerHour);
        assertThat(limiter.exhausted(both)).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("login|10.0.0.3|an", threePerHour)).isEmpty();
            clock.now = clock.now.plusSeconds(10);
        }
        // the user's allowance is used up: 30 s passed since the first of its three, 59 min 30 s to go
        assertThat(limiter.exhausted(both)).contains(Duration.ofMinutes(59).plusSeconds(30));
        assertThat(limiter.exhausted(Map.of("login|10.0.0.3", twoPerMinute))).isEmpty();
        assertThat(limiter.acquire("login|10.0.0.3", twoPerMinute)).isEmpty();
        assertThat(limiter.acquire("login|10.0.0.3", twoPerMinute)).isEmpty();
        // both used up: the longer wait counts; each is what the key alone would say
        assertThat(limiter.exhausted(both)).contains(limiter.exhausted("login|10.0.0.3|an", threePerHour).get());
        assertThat(limiter.exhausted("login|10.0.0.3", twoPerMinute)).contains(Duration.ofMinutes(1));
        clock.now = clock.now.plusSeconds(61);
        // the address's minute is over, the user's hour is not
        assertThat(limiter.exhausted("login|10.0.0.3", twoPerMinute)).isEmpty();
        assertThat(limiter.exhausted(both)).contains(Duration.ofMinutes(58).plusSeconds(29));
        // keys with no hits in their windows
        assertThat(limiter.exhausted(Map.of("login|10.0.0.3", twoPerMinute, "login|10.0.0.4", twoPerMinute)))
                .isEmpty();
    }

    @Test
    void twoNodesCountAgainstOneAllowance() {
        DatabaseRateLimiter one = node();
        DatabaseRateLimiter two = node();
        RateLimit fivePerHour = new RateLimit(5, Duration.ofHours(1));
        assertThat(one.acquire("filing|10.0.0.1", fivePerHour)).isEmpty();
        assertThat(two.acquire("filing|10.0.0.1", fivePerHour)).isEmpty();
        assertThat(one.acquire("filing|10.0.0.1", fivePerHour)).isEmpty();
        assertThat(two.acquire("filing|10.0.0.1", fivePerHour)).isEmpty();
        assertThat(one.acquire("filing|10.0.0.1", fivePerHour)).isEmpty();
        assertThat(two.acquire("filing|10.0.0.1", fivePerHour)).isPresent();
        assertThat(one.exhausted("filing|10.0.0.1", fivePerHour)).isPresent();
        // only digests are stored, never the address
        assertThat(jdbc.queryForList("select key_hash from rate_limit_key", String.class))
                .allSatisfy(k -> assertThat(k).hasSize(64).doesNotContain("10.0.0.1"));
    }

    @Test
    void requestsAtTheSameMomentNeverTakeMoreThanTheLimit() throws Exception {
        List<DatabaseRateLimiter> nodes = List.of(node(), node());
        RateLimit tenPerHour = new RateLimit(10, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                DatabaseRateLimiter node = nodes.get(i % 2);
                calls.add(() -> node.acquire("filing|10.0.0.2", tenPerHour).isEmpty());
            }
            long allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_hit", Long.class)).isEqualTo(10);
    }

    @Test
    void theSweepForgetsWhatNoWindowCounts() {
        DatabaseRateLimiter limiter = node();
        RateLimit onePerMinute = new RateLimit(1, Duration.ofMinutes(1));
        limiter.acquire("old", onePerMinute);
        clock.now = clock.now.plus(Duration.ofDays(2));
        limiter.acquire("new", onePerMinute);
        limiter.sweep();
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_hit", Long.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_key", Long.class)).isOne();
    }

    static final class MutableClock extends Clock {

        volatile Instant now;

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
}
