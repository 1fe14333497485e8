package vn.motcua.dossier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.MariaDbTest;

/**
 * The register contract on a real MariaDB server (the {@code mariadb} suite), in a database of its own
 * ({@code motcua_register_test}, or {@code -Dmotcua.test.mariadb.register-database=…}), created afresh.
 */
@MariaDbTest
class MariaDbDossierRegisterTest extends DossierRegisterContract {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");
    static final String DATABASE = System.getProperty("motcua.test.mariadb.register-database", "motcua_register_test");

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        if (!DATABASE.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + DATABASE);
        }
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
