package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The cluster lock on a real database (H2, migrated by the application's own scripts): two {@link ClusterLock}s on
 * one database stand for two nodes starting at the same moment.
 */
class ClusterLockTest {

    DriverManagerDataSource dataSource;
    ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    ClusterLock node(String name, Duration wait) {
        return new ClusterLock(dataSource, new ClusterProperties(name, wait, Duration.ofSeconds(2)));
    }

    @Test
    void aSecondNodeWaitsUntilTheFirstIsDone() throws Exception {
        ClusterLock one = node("node-a", Duration.ofMinutes(1));
        ClusterLock two = node("node-b", Duration.ofMinutes(1));
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstInside = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> one.holding("start-up", () -> {
            order.add("a in");
            firstInside.countDown();
            sleep(3000);
            order.add("a out");
        }));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> second = threads.submit(() -> two.holding("start-up", () -> {
            order.add("b in");
        }));
        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        assertThat(order).containsExactly("a in", "a out", "b in");
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select holder from cluster_lock where lock_name = 'start-up'", String.class)).isEqualTo("node-b");
    }

    @Test
    void otherLocksDoNotWaitAndTheHolderMayTakeItsLockAgain() throws Exception {
        ClusterLock one = node("node-a", Duration.ofMinutes(1));
        ClusterLock two = node("node-b", Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> one.holding("catalog", () -> {
            // the same thread asks again, as nested set-up steps do
            one.holding("catalog", inside::countDown);
            await(release);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads.submit(() -> two.holding("calendar", () -> "done")).get(10, TimeUnit.SECONDS)).isEqualTo("done");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
    }

    @Test
    void waitingEndsWithAnErrorNamingTheSetting() throws Exception {
        ClusterLock one = node("node-a", Duration.ofMinutes(1));
        ClusterLock impatient = node("node-b", Duration.ofSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> one.holding("engine-schema", () -> {
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> impatient.holding("engine-schema", () -> "never"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("motcua.cluster.lock-wait");
        } finally {
            release.countDown();
        }
        holder.get(10, TimeUnit.SECONDS);
        assertThat(impatient.holding("engine-schema", () -> "now")).isEqualTo("now");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
