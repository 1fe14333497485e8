package vn.motcua.engine;

import java.sql.SQLException;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.FaultInjection;
import vn.motcua.MailServer;
import vn.motcua.MariaDbDatabase;

/**
 * The task page contract ({@link TaskPageContract}) on a real MariaDB server (the {@code mariadb} suite), in a database
 * of its own ({@code motcua_task_page_test}, or {@code -Dmotcua.test.mariadb.task-page-database=…}), created afresh
 * and dropped when the tests' JVM ends.
 */
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.demo.allow-on-production-database=true")
@ActiveProfiles({"demo", "test", "mariadb"})
@Import({FaultInjection.class, Driver.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
class MariaDbTaskPageTest extends TaskPageContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbDatabase.fresh(registry, "task-page-database", "motcua_task_page_test");
    }
}
