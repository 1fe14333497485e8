package vn.motcua.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaTest;

/**
 * The pool's connections come without auto-commit (a transaction then costs no statements to switch it off and on);
 * a write through the application's {@link JdbcTemplate} outside a transaction is still committed, and one inside a
 * transaction still goes with it. Seen from a connection of its own, which sees committed rows only.
 */
@MotcuaTest
class CommittingJdbcTemplateTest {

    private static final String PREFIX = "committing-jdbc-";

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    @AfterEach
    void tearDown() {
        jdbc.update("delete from rate_limit_key where key_hash like ?", PREFIX + "%");
    }

    @Test
    void thePoolsConnectionsComeWithoutAutoCommit() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isFalse();
        }
    }

    @Test
    void writesOutsideATransactionAreCommittedEachOnItsOwn() {
        assertThat(jdbc.update("insert into rate_limit_key (key_hash, last_at) values (?, ?)", PREFIX + "a", 1L))
                .isOne();
        jdbc.batchUpdate("insert into rate_limit_key (key_hash, last_at) values (?, ?)",
                List.of(new Object[] {PREFIX + "b", 2L}, new Object[] {PREFIX + "c", 3L}));
        jdbc.execute("update rate_limit_key set last_at = 10 where key_hash = '" + PREFIX + "c'");

        assertThat(committed()).containsExactly(PREFIX + "a:1", PREFIX + "b:2", PREFIX + "c:10");
    }

    @Test
    void writesInsideATransactionGoWithIt() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into rate_limit_key (key_hash, last_at) values (?, ?)", PREFIX + "kept", 1L);
            assertThat(committed()).as("not before the transaction commits").isEmpty();
        });
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into rate_limit_key (key_hash, last_at) values (?, ?)", PREFIX + "dropped", 2L);
            jdbc.batchUpdate("update rate_limit_key set last_at = 5 where key_hash = '" + PREFIX + "kept'");
            status.setRollbackOnly();
        });

        assertThat(committed()).containsExactly(PREFIX + "kept:1");
    }

    /** The test's rows as another connection sees them. */
    private List<String> committed() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select key_hash, last_at from rate_limit_key where key_hash like ? order by key_hash")) {
            select.setString(1, PREFIX + "%");
            List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1).strip() + ":" + rs.getLong(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
