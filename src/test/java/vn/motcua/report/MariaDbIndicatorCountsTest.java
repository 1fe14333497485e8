package vn.motcua.report;

import java.sql.SQLException;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.MariaDbDatabase;
import vn.motcua.MariaDbTest;

/**
 * The daily counts' contract ({@link IndicatorCountsContract}) on a real MariaDB server (the {@code mariadb} suite), in
 * a database of its own ({@code motcua_indicators_test}, or {@code -Dmotcua.test.mariadb.indicators-database=…}),
 * created afresh and dropped when the tests' JVM ends.
 */
@MariaDbTest
class MariaDbIndicatorCountsTest extends IndicatorCountsContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbDatabase.fresh(registry, "indicators-database", "motcua_indicators_test");
    }
}
