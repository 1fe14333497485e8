package vn.motcua.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.MailServer;

/**
 * The import contract on a real MariaDB server (the {@code mariadb} suite), in a database of its own,
 * {@code catalog_test}, created afresh with utf8mb4 and a binary collation as the README prescribes: the
 * demo's start-up imports the shipped sample into it. Its engine has a name of its own, as this suite's
 * other context runs in the same JVM.
 */
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.demo.allow-on-production-database=true",
        "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles({"demo", "test", "mariadb"})
@ContextConfiguration(initializers = MailServer.Initializer.class)
class CatalogImportMariaDbTest extends CatalogImportContract {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");
    static final String DATABASE = "catalog_test";

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }
}
