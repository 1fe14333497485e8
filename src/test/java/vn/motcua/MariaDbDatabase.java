package vn.motcua;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own on the MariaDB server of the {@code mariadb} suite (127.0.0.1:3306, root with an empty password,
 * or {@code -Dmotcua.test.mariadb.server/user/password}) for a Spring test: created afresh (utf8mb4 with a binary
 * collation, as the README prescribes), given to the application as its datasource, dropped when the tests' JVM ends
 * (a cached Spring context may still use it until then).
 */
public final class MariaDbDatabase {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");

    private MariaDbDatabase() {
    }

    /**
     * Creates the database (its name from the system property {@code motcua.test.mariadb.<property>}, else the
     * default) and points the application's datasource at it.
     */
    public static void fresh(DynamicPropertyRegistry registry, String property, String defaultName) throws SQLException {
        String database = System.getProperty("motcua.test.mariadb." + property, defaultName);
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + database);
        }
        execute("drop database if exists " + database);
        execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("drop database if exists " + database);
            } catch (SQLException e) {
                System.err.println("Could not drop " + database + ": " + e.getMessage());
            }
        }));
        registry.add("spring.datasource.url", () -> SERVER + database);
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
