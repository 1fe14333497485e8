package vn.motcua;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end contract on a real MariaDB server (the {@code mariadb} suite: {@code ./mvnw verify -Pmariadb}).
 * The database {@code motcua_test} is created afresh, utf8mb4 with a binary collation, as the
 * README prescribes for production.
 */
@MariaDbTest
class MariaDbEndToEndTest extends EndToEndContract {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists motcua_test");
            statement.execute("create database motcua_test character set utf8mb4 collate utf8mb4_bin");
        }
        registry.add("spring.datasource.url", () -> SERVER + "motcua_test");
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }
}
