package vn.motcua.report;

import java.sql.SQLException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.FaultInjection;
import vn.motcua.MailServer;
import vn.motcua.MariaDbDatabase;
import vn.motcua.engine.Driver;

/**
 * {@link IndicatorsBenchmarkTest} on the MariaDB server of the {@code mariadb} suite (127.0.0.1:3306, root, empty
 * password; {@code -Dmotcua.test.mariadb.server=… -Dmotcua.test.mariadb.user=… -Dmotcua.test.mariadb.password=…}), in a
 * database of its own ({@code motcua_indbench}, or {@code -Dmotcua.test.mariadb.indicators-benchmark-database=…}),
 * created afresh and dropped when the tests' JVM ends:
 * {@code ./mvnw verify -Pbenchmark -Dtest=MariaDbIndicatorsBenchmarkTest -Dbenchmark.mariadb=true
 * [-Dbenchmark.dossiers=1000000]}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.mariadb", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.demo.allow-on-production-database=true")
@ActiveProfiles({"demo", "test", "mariadb"})
@Import({FaultInjection.class, Driver.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
@DirtiesContext
class MariaDbIndicatorsBenchmarkTest extends IndicatorsBenchmarkTest {

    @DynamicPropertySource
    static void mariadb(DynamicPropertyRegistry registry) throws SQLException {
        MariaDbDatabase.fresh(registry, "indicators-benchmark-database", "motcua_indbench");
    }
}
