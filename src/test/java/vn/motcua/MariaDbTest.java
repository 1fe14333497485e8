package vn.motcua;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.engine.Driver;
import vn.motcua.engine.StatementCounts;

/**
 * The whole application with the demo data on the MariaDB server of the {@code mariadb} suite, on a random port, as
 * {@link MotcuaTest} on H2. The class names its own database ({@link MariaDbDatabase#fresh} from a
 * {@code @DynamicPropertySource}), so each such class has a Spring context of its own. The demo users on a throwaway
 * MariaDB database are refused unless said so explicitly, as here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("mariadb")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.demo.allow-on-production-database=true")
@ActiveProfiles({"demo", "test", "mariadb"})
@Import({FaultInjection.class, Driver.class, StatementCounts.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
public @interface MariaDbTest {
}
