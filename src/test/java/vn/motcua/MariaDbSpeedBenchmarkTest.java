package vn.motcua;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.engine.Driver;

/**
 * {@link SpeedBenchmarkTest} on the MariaDB server of the {@code mariadb} suite (127.0.0.1:3306, root, empty password;
 * {@code -Dmotcua.test.mariadb.server=… -Dmotcua.test.mariadb.user=… -Dmotcua.test.mariadb.password=…}), in its own
 * database {@code motcua_bench}, created afresh and dropped afterwards (kept with {@code -Dbenchmark.keep=true}, and
 * used again as it is, with the open tasks already seeded, with {@code -Dbenchmark.reuse=true}):
 * {@code ./mvnw verify -Pbenchmark -Dtest=MariaDbSpeedBenchmarkTest -Dbenchmark.mariadb=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.mariadb", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.demo.allow-on-production-database=true")
@ActiveProfiles({"demo", "test", "mariadb"})
@Import({FaultInjection.class, Driver.class, SpeedBenchmarkTest.BareStart.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
@DirtiesContext
class MariaDbSpeedBenchmarkTest extends SpeedBenchmarkTest {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        if (Boolean.getBoolean("benchmark.reuse")) {
            execute("create database if not exists motcua_bench character set utf8mb4 collate utf8mb4_bin");
        } else {
            execute("drop database if exists motcua_bench",
                    "create database motcua_bench character set utf8mb4 collate utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> SERVER + "motcua_bench");
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (Boolean.getBoolean("benchmark.keep")) {
            // -Dbenchmark.keep=true leaves the database to look into (EXPLAIN the queries); the next run drops it
            return;
        }
        // the context (and its pool) closes after the class (DirtiesContext); the database goes at the next run's start
        // if it is still in use now
        try {
            execute("drop database if exists motcua_bench");
        } catch (SQLException stillInUse) {
            // left for the next run, which drops it first
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
