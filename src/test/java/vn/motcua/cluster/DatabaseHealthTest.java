package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database check of the readiness probe answers within its bound whatever the database does: a pool that
 * waits for a connection (an unreachable server) is reported DOWN after 2 s, not after the pool's timeout, and a
 * probe called again meanwhile does not start a second wait.
 */
class DatabaseHealthTest {

    static final ClusterProperties PROPERTIES = new ClusterProperties("test-node", Duration.ofMinutes(1), Duration.ofSeconds(2));

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWithinTheBound() throws Exception {
        Hanging hanging = new Hanging();
        DatabaseHealth health = new DatabaseHealth(hanging, PROPERTIES);
        try {
            long started = System.nanoTime();
            Health first = health.health();
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails().get("error").toString()).contains("2000 ms");
            assertThat(firstMillis).isBetween(1900L, 4000L);

            Health second = health.health();
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
            assertThat(hanging.asked).as("one wait for a connection at a time").isEqualTo(1);

            // the pool's wait ends with its error: the probe reports it, and the one after asks again
            hanging.release.countDown();
            Thread.sleep(200);
            Health ended = health.health();
            assertThat(ended.getStatus()).isEqualTo(Status.DOWN);
            assertThat(ended.getDetails().get("error").toString()).contains("Connection is not available");
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(hanging.asked).isEqualTo(2);
        } finally {
            hanging.release.countDown();
            health.destroy();
        }
    }

    @Test
    void aDatabaseThatAnswersIsUp() {
        DatabaseHealth health = new DatabaseHealth(new DriverManagerDataSource("jdbc:h2:mem:probe", "sa", ""), PROPERTIES);
        try {
            Health up = health.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("database", "H2");
        } finally {
            health.destroy();
        }
    }

    /** A pool whose connection never comes until released, then fails (the server was away). */
    static final class Hanging implements DataSource {

        final CountDownLatch release = new CountDownLatch(1);
        volatile int asked;

        @Override
        public Connection getConnection() throws SQLException {
            asked++;
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("Connection is not available, request timed out");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
