package vn.motcua;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import vn.motcua.engine.Driver;
import vn.motcua.engine.StatementCounts;

/**
 * The whole application on H2 with the demo data, on a random port. Every test class that uses
 * it shares one Spring context and so one process engine (the engine REST API serves the engine
 * named "default", so there is exactly one per JVM). Metrics are exported as in production (Spring
 * Boot's tests turn the Prometheus registry off unless asked), so {@code /actuator/prometheus} is there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"demo", "test"})
@Import({FaultInjection.class, Driver.class, StatementCounts.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
public @interface MotcuaTest {
}
