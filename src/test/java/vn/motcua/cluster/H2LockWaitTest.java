package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Committed;
import vn.motcua.MotcuaTest;

/**
 * On the embedded H2, a transaction waits for a row another one holds for a few seconds, as it would on MariaDB,
 * instead of failing after H2's own two seconds.
 */
@MotcuaTest
class H2LockWaitTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTransactionWaitsForTheRegisterCounterHeldThreeSecondsByAnother() throws Exception {
        Committed.update(jdbc, "delete from register_counter where unit_key = 'lock-wait-test'");
        Committed.update(jdbc, "insert into register_counter (unit_key, register_year, last_value) values ('lock-wait-test', 2099, 0)");
        try {
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                assertThat(take(holder)).isEqualTo(1);
                // a second reception takes the next number meanwhile, on a connection of its own from the pool
                CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                    try (Connection next = dataSource.getConnection()) {
                        next.setAutoCommit(false);
                        int updated = take(next);
                        next.commit();
                        return updated;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                // the first holds the row three seconds (a loaded machine), then commits
                Thread.sleep(3_000);
                assertThat(waiting).as("still waiting for the row after 3 s, not failed").isNotDone();
                holder.commit();
                assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(jdbc.queryForObject("select last_value from register_counter where unit_key = 'lock-wait-test'",
                    Integer.class)).as("both numbers taken").isEqualTo(2);
        } finally {
            Committed.update(jdbc, "delete from register_counter where unit_key = 'lock-wait-test'");
        }
    }

    @Test
    void onlyAnEmbeddedH2WithoutALockTimeoutOfItsOwn() {
        assertThat(H2LockWait.applies("jdbc:h2:file:./data/motcua;AUTO_SERVER=FALSE", null)).isTrue();
        assertThat(H2LockWait.applies("jdbc:h2:mem:x;lock_timeout=500", null)).isFalse();
        assertThat(H2LockWait.applies("jdbc:h2:mem:x", "SET SCHEMA X")).isFalse();
        assertThat(H2LockWait.applies("jdbc:mariadb://127.0.0.1:3306/motcua", null)).isFalse();
    }

    private static int take(Connection connection) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("update register_counter set last_value ="
                + " last_value + 1 where unit_key = 'lock-wait-test' and register_year = 2099")) {
            return update.executeUpdate();
        }
    }
}
