package vn.motcua;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A test's own writes straight to the application's database, committed: the pool's connections come with auto-commit
 * off (as the application runs), so a write outside a transaction would be rolled back when its connection goes back.
 * Inside a transaction already open on the same connection, the write joins it.
 */
public final class Committed {

    private Committed() {
    }

    public static int update(JdbcTemplate jdbc, String sql, Object... args) {
        return in(jdbc).execute(status -> jdbc.update(sql, args));
    }

    public static int[] batchUpdate(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        return in(jdbc).execute(status -> jdbc.batchUpdate(sql, rows));
    }

    private static TransactionTemplate in(JdbcTemplate jdbc) {
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }
}
