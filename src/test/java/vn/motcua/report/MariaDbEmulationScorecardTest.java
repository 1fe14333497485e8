package vn.motcua.report;

import java.sql.SQLException;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.FaultInjection;
import vn.motcua.MailServer;
import vn.motcua.MariaDbDatabase;
import vn.motcua.engine.Driver;

/**
 * The emulation scorecard's contract on a real MariaDB server (the {@code mariadb} suite), in a database of its own
 * ({@code motcua_emulation_test}, or {@code -Dmotcua.test.mariadb.emulation-database=…}), created afresh and dropped
 * at the end.
 */
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.demo.allow-on-production-database=true")
@ActiveProfiles({"demo", "test", "mariadb"})
@Import({FaultInjection.class, Driver.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
class MariaDbEmulationScorecardTest extends EmulationScorecardContract {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbDatabase.fresh(registry, "emulation-database", "motcua_emulation_test");
    }
}
