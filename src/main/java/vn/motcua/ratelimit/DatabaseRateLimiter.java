package vn.motcua.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sliding window per key kept in the database, so that every node of the installation counts against the same
 * allowance: the times of the requests allowed within the last window ({@code rate_limit_hit}), and one row per key
 * ({@code rate_limit_key}) whose row lock serializes the requests of one key across nodes, so two requests at the
 * same moment on two nodes cannot both take the last one. Keys (a bucket and a client address, or an address and
 * a user name) are stored as their SHA-256 only. Times are the nodes' wall clocks (keep them in step, as the
 * engine's job due dates need anyway), in epoch milliseconds.
 *
 * <p>Each {@link #acquire} is one short transaction of its own; {@link #exhausted} is one read, of one key or of
 * several (the login throttle's address and address-and-user: one read for every login). Hits older than
 * the longest window seen (at least a day) are deleted every {@value #SWEEP_EVERY} acquisitions.
 */
public class DatabaseRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRateLimiter.class);
    static final int SWEEP_EVERY = 1000;
    private static final Duration MIN_KEPT = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong longestWindow = new AtomicLong(MIN_KEPT.toMillis());

    public DatabaseRateLimiter(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<Duration> acquire(String key, RateLimit limit) {
        String hash = hash(key);
        longestWindow.accumulateAndGet(limit.window().toMillis(), Math::max);
        Optional<Duration> wait = own.execute(status -> {
            long now = clock.millis();
            long start = now - limit.window().toMillis();
            lock(hash, now);
            jdbc.update("delete from rate_limit_hit where key_hash = ? and hit_at <= ?", hash, start);
            Window window = window(hash, start);
            if (window.count() < limit.requests()) {
                jdbc.update("insert into rate_limit_hit (key_hash, hit_at) values (?, ?)", hash, now);
                return Optional.<Duration>empty();
            }
            // the oldest request leaves the window first
            return Optional.of(Duration.ofMillis(window.oldest() - start));
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep();
        }
        return wait;
    }

    @Override
    public Optional<Duration> exhausted(String key, RateLimit limit) {
        long start = clock.millis() - limit.window().toMillis();
        Window window = window(hash(key), start);
        return window.count() < limit.requests() ? Optional.empty()
                : Optional.of(Duration.ofMillis(window.oldest() - start));
    }

    @Override
    public Optional<Duration> exhausted(Map<String, RateLimit> limits) {
        if (limits.size() < 2) {
            return RateLimiter.super.exhausted(limits);
        }
        long now = clock.millis();
        Map<String, RateLimit> byHash = new HashMap<>();
        Map<String, Long> starts = new HashMap<>();
        StringBuilder where = new StringBuilder();
        List<Object> arguments = new ArrayList<>();
        limits.forEach((key, limit) -> {
            String hash = hash(key);
            long start = now - limit.window().toMillis();
            byHash.put(hash, limit);
            starts.put(hash, start);
            where.append(where.isEmpty() ? "" : " or ").append("(key_hash = ? and hit_at > ?)");
            arguments.add(hash);
            arguments.add(start);
        });
        List<Duration> waits = new ArrayList<>();
        jdbc.query("select key_hash, count(*), min(hit_at) from rate_limit_hit where " + where + " group by key_hash",
                rs -> {
                    String hash = rs.getString(1);
                    if (rs.getLong(2) >= byHash.get(hash).requests()) {
                        waits.add(Duration.ofMillis(rs.getLong(3) - starts.get(hash)));
                    }
                }, arguments.toArray());
        return waits.stream().max(Duration::compareTo);
    }

    /** The key's row, locked until the transaction ends (created first if it is new). */
    private void lock(String hash, long now) {
        if (jdbc.update("update rate_limit_key set last_at = ? where key_hash = ?", now, hash) > 0) {
            return;
        }
        try {
            jdbc.update("insert into rate_limit_key (key_hash, last_at) values (?, ?)", hash, now);
        } catch (DuplicateKeyException raced) {
            // another node created it a moment ago: wait for its lock like any other
            jdbc.update("update rate_limit_key set last_at = ? where key_hash = ?", now, hash);
        }
    }

    private Window window(String hash, long start) {
        return jdbc.queryForObject("select count(*), min(hit_at) from rate_limit_hit where key_hash = ? and hit_at > ?",
                (rs, row) -> new Window(rs.getLong(1), rs.getLong(2)), hash, start);
    }

    /** Deletes what no window can count any more. */
    void sweep() {
        long cutoff = clock.millis() - longestWindow.get();
        try {
            own.executeWithoutResult(status -> {
                int hits = jdbc.update("delete from rate_limit_hit where hit_at < ?", cutoff);
                int keys = jdbc.update("delete from rate_limit_key where last_at < ?", cutoff);
                log.debug("Rate limits: {} old hits and {} idle keys deleted", hits, keys);
            });
        } catch (DataAccessException e) {
            log.warn("Rate limits: deleting old hits failed ({}); the next sweep tries again", e.toString());
        }
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Window(long count, long oldest) {
    }
}
