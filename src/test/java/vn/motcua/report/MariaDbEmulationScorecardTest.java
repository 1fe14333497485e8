package vn.motcua.report;

import java.sql.SQLException;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.MariaDbDatabase;
import vn.motcua.MariaDbTest;

/**
 * The emulation scorecard's contract on a real MariaDB server (the {@code mariadb} suite), in a database of its own
 * ({@code motcua_emulation_test}, or {@code -Dmotcua.test.mariadb.emulation-database=…}), created afresh and dropped
 * at the end.
 */
@MariaDbTest
class MariaDbEmulationScorecardTest extends EmulationScorecardContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbDatabase.fresh(registry, "emulation-database", "motcua_emulation_test");
    }
}
