package vn.motcua.engine;

import java.sql.SQLException;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.MariaDbDatabase;
import vn.motcua.MariaDbTest;

/**
 * The task page contract ({@link TaskPageContract}) on a real MariaDB server (the {@code mariadb} suite), in a database
 * of its own ({@code motcua_task_page_test}, or {@code -Dmotcua.test.mariadb.task-page-database=…}), created afresh
 * and dropped when the tests' JVM ends.
 */
@MariaDbTest
class MariaDbTaskPageTest extends TaskPageContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbDatabase.fresh(registry, "task-page-database", "motcua_task_page_test");
    }
}
