package vn.motcua.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A health check that answers within a bound, whatever the checked system does: the check runs on a thread of
 * its own, and a caller waits at most {@code bound} for it; a check still under way after that is reported by
 * {@code onTimeout} and not started again until it ends (a probe called every few seconds during an outage never
 * piles up threads or connections). An answer is kept for {@code keep} (zero: every call checks again).
 *
 * @param <T> what the check answers
 */
public final class BoundedCheck<T> {

    private final Supplier<T> check;
    private final Function<Duration, T> onTimeout;
    private final Function<Throwable, T> onFailure;
    private final Duration bound;
    private final Duration keep;
    private final Clock clock;
    private final ExecutorService thread;
    private Future<T> running;
    private T last;
    private Instant lastAt = Instant.MIN;

    public BoundedCheck(String name, Supplier<T> check, Function<Duration, T> onTimeout, Function<Throwable, T> onFailure,
            Duration bound, Duration keep) {
        this.check = check;
        this.onTimeout = onTimeout;
        this.onFailure = onFailure;
        this.bound = bound;
        this.keep = keep;
        this.clock = Clock.systemUTC();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The check's answer, at most {@code bound} from now. */
    public T get() {
        Future<T> future;
        synchronized (this) {
            if (last != null && clock.instant().isBefore(lastAt.plus(keep))) {
                return last;
            }
            if (running == null) {
                running = thread.submit(check::get);
            }
            future = running;
        }
        try {
            T answer = future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return done(future, answer);
        } catch (TimeoutException e) {
            return onTimeout.apply(bound);
        } catch (ExecutionException e) {
            return done(future, onFailure.apply(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onTimeout.apply(bound);
        }
    }

    private synchronized T done(Future<T> future, T answer) {
        if (running == future) {
            running = null;
            last = answer;
            lastAt = clock.instant();
        }
        return answer;
    }

    /** Stops the check's thread (the application is closing). */
    public void close() {
        thread.shutdownNow();
    }
}
