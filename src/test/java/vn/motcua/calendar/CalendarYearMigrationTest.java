package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database of the version before provisional days (V25): every year its calendar already
 * holds keeps counting as known, so nothing provisional is laid over an imported or hand-entered year;
 * a year it does not hold becomes provisional. On H2, and on MariaDB in the {@code mariadb} suite.
 */
class CalendarYearMigrationTest {

    @Test
    void theYearsACalendarHeldBeforeTheUpgradeStayOfficialOnH2() {
        upgrade(new DriverManagerDataSource("jdbc:h2:mem:calendar-years-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", ""));
    }

    @Test
    @Tag("mariadb")
    void theYearsACalendarHeldBeforeTheUpgradeStayOfficialOnMariaDb() throws SQLException {
        String server = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getProperty("motcua.test.mariadb.user", "root");
        String password = System.getProperty("motcua.test.mariadb.password", "");
        String database = System.getProperty("motcua.test.mariadb.calendar-database", "motcua_calendar_years_test");
        assertThat(database).matches("[a-z0-9_]+");
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
        }
        try {
            upgrade(new DriverManagerDataSource(server + database, user, password));
        } finally {
            try (Connection connection = DriverManager.getConnection(server, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database);
            }
        }
    }

    private static void upgrade(DataSource dataSource) {
        // the schema of the version before
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String insert = "insert into calendar_day (day_date, kind, name, changed_by, changed_at)"
                + " values (?, ?, ?, ?, current_timestamp)";
        jdbc.update(insert, java.sql.Date.valueOf("2025-01-01"), "DAY_OFF", "Tết Dương lịch", "official-days");
        jdbc.update(insert, java.sql.Date.valueOf("2025-04-26"), "WORKING_DAY", "Làm bù", "official-days");
        jdbc.update(insert, java.sql.Date.valueOf("2026-09-02"), "DAY_OFF", "Quốc khánh", "official-days");
        // a year an administrator entered by hand, day by day
        jdbc.update(insert, java.sql.Date.valueOf("2031-01-23"), "DAY_OFF", "Tết Nguyên đán", "demo");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("select year_number from calendar_year order by year_number", Integer.class))
                .containsExactly(2025, 2026, 2031);
        assertThat(jdbc.queryForList("select distinct entered_by from calendar_year", String.class))
                .containsExactly("migration");
        assertThat(jdbc.queryForObject("select count(*) from calendar_day", Integer.class)).isEqualTo(4);
    }
}
