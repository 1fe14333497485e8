package vn.motcua.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database as the health endpoint and the readiness probe report it ({@code db}, replacing Spring Boot's own):
 * a connection from the pool that answers a validity check, within {@code motcua.cluster.probe-time} (2 s by
 * default). Spring Boot's check waits as long as the pool does (its connection timeout), so a database outage
 * showed only after 30 s; this one says DOWN as soon as the bound passes, and a check still waiting is not
 * started again.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final BoundedCheck<Health> check;

    DatabaseHealth(DataSource dataSource, ClusterProperties properties) {
        this.check = new BoundedCheck<>("database-health", () -> probe(dataSource),
                bound -> Health.down().withDetail("error", "no connection within " + bound.toMillis() + " ms").build(),
                failure -> Health.down().withDetail("error", failure.toString()).build(),
                properties.probeTime(), Duration.ZERO);
    }

    private static Health probe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(1)) {
                return Health.down().withDetail("error", "the connection is not valid").build();
            }
            return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }

    @Override
    public Health health() {
        return check.get();
    }

    @Override
    public void destroy() {
        check.close();
    }
}
