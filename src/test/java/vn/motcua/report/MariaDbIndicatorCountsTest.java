package vn.motcua.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.FaultInjection;
import vn.motcua.MailServer;
import vn.motcua.engine.Driver;

/**
 * The daily counts' contract ({@link IndicatorCountsContract}) on a real MariaDB server (the {@code mariadb} suite), in
 * a database of its own ({@code motcua_indicators_test}, or {@code -Dmotcua.test.mariadb.indicators-database=…}),
 * created afresh and dropped when the tests' JVM ends.
 */
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.demo.allow-on-production-database=true")
@ActiveProfiles({"demo", "test", "mariadb"})
@Import({FaultInjection.class, Driver.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
class MariaDbIndicatorCountsTest extends IndicatorCountsContract {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");
    static final String DATABASE = System.getProperty("motcua.test.mariadb.indicators-database",
            "motcua_indicators_test");

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        if (!DATABASE.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + DATABASE);
        }
        execute("drop database if exists " + DATABASE);
        execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("drop database if exists " + DATABASE);
            } catch (SQLException e) {
                System.err.println("Could not drop " + DATABASE + ": " + e.getMessage());
            }
        }));
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
