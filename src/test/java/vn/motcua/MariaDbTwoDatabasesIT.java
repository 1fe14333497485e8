package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two Motcua installations on one MariaDB server, the second on a fresh database while the first's Camunda
 * tables are visible to the same user: each gets its own engine tables. The packaged jar runs in a child JVM
 * with the {@code mariadb} profile and a plain JDBC URL, as the README tells an operator to start it.
 */
@Tag("mariadb")
class MariaDbTwoDatabasesIT {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");
    static final String ONE = "motcua_a_one";
    static final String TWO = "motcua_a_two";

    @BeforeAll
    static void freshDatabases() throws SQLException {
        sql("drop database if exists " + ONE, "drop database if exists " + TWO,
                "create database " + ONE + " character set utf8mb4 collate utf8mb4_bin");
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        sql("drop database if exists " + ONE, "drop database if exists " + TWO);
    }

    @Test
    void aSecondDatabaseOnTheSameServerGetsItsOwnEngineTables() throws SQLException {
        try (PackagedApp one = onDatabase(PackagedApp.fresh("mariadb-one"), ONE)) {
            one.start();
            assertAnswers(one);
        }
        assertThat(engineTables(ONE)).isGreaterThan(40);

        sql("create database " + TWO + " character set utf8mb4 collate utf8mb4_bin");
        assertThat(engineTables(TWO)).isZero();
        try (PackagedApp two = onDatabase(PackagedApp.fresh("mariadb-two"), TWO)) {
            two.start();
            assertAnswers(two);
            assertThat(two.output()).doesNotContain("ACT_GE_PROPERTY' doesn't exist");
        }
        assertThat(engineTables(TWO)).isEqualTo(engineTables(ONE));
        assertThat(count("select count(*) from " + TWO + ".ACT_GE_PROPERTY where NAME_ = 'schema.version'")).isOne();
        assertThat(count("select count(*) from " + TWO + ".ACT_RE_PROCDEF")).isPositive();
        assertThat(count("select count(*) from " + TWO + ".calendar_day")).isPositive();
    }

    private static PackagedApp onDatabase(PackagedApp app, String database) {
        return app.env("SPRING_PROFILES_ACTIVE", "mariadb")
                .env("SPRING_DATASOURCE_URL", SERVER + database)
                .env("SPRING_DATASOURCE_USERNAME", USER)
                .env("SPRING_DATASOURCE_PASSWORD", PASSWORD)
                .env("MOTCUA_ADMIN_PASSWORD", "two-databases-admin")
                .env("MOTCUA_SURVEY_SECRET", PackagedApplicationIT.random(48));
    }

    private static void assertAnswers(PackagedApp app) {
        Api.Response due = app.api().get("/api/calendar/due?from=2025-01-24T09:00:00%2B07:00&workingDays=3");
        assertThat(due.status()).as(due.body()).isEqualTo(200);
        assertThat(due.json().get("due").asText()).isEqualTo("2025-02-05T09:00:00+07:00");
        Api.Response users = app.api().as("admin", "two-databases-admin").get("/engine-rest/user");
        assertThat(users.status()).as(users.body()).isEqualTo(200);
    }

    private static long engineTables(String database) throws SQLException {
        return count("select count(*) from information_schema.tables where table_schema = '" + database
                + "' and upper(table_name) like 'ACT\\\\_%'");
    }

    private static long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
