package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

import vn.motcua.MotcuaTest;

/**
 * The application's pool hands out connections with auto-commit off and Hibernate knows it; a pool that started
 * before it could be set, or whose auto-commit is set explicitly, keeps auto-commit on and Hibernate is not told.
 */
@MotcuaTest
class PoolAutoCommitTest {

    @Autowired DataSource dataSource;
    @Autowired EntityManagerFactory entityManagers;

    @Test
    void theApplicationsConnectionsComeWithAutoCommitOffAndHibernateKnows() throws Exception {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).isAutoCommit()).isFalse();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isFalse();
        }
        assertThat(entityManagers.getProperties()).containsEntry(PoolAutoCommit.PROVIDER_DISABLES_AUTOCOMMIT, "true");
    }

    @Test
    void aPoolAlreadyStartedOrSetExplicitlyKeepsAutoCommitAndHibernateIsNotTold() throws Exception {
        var postProcessor = PoolAutoCommit.poolAutoCommitOff(new MockEnvironment());
        try (HikariDataSource fresh = pool(); HikariDataSource started = pool();
                HikariDataSource explicit = pool()) {
            postProcessor.postProcessBeforeInitialization(fresh, "dataSource");
            assertThat(fresh.isAutoCommit()).isFalse();

            started.getConnection().close();
            postProcessor.postProcessBeforeInitialization(started, "dataSource");
            assertThat(started.isAutoCommit()).isTrue();
            Map<String, Object> properties = new HashMap<>();
            new PoolAutoCommit().providerDisablesAutoCommit(started).customize(properties);
            assertThat(properties).doesNotContainKey(PoolAutoCommit.PROVIDER_DISABLES_AUTOCOMMIT);

            PoolAutoCommit.poolAutoCommitOff(new MockEnvironment().withProperty(PoolAutoCommit.EXPLICIT, "true"))
                    .postProcessBeforeInitialization(explicit, "dataSource");
            assertThat(explicit.isAutoCommit()).isTrue();
        }
    }

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:pool-auto-commit-" + UUID.randomUUID());
        pool.setMaximumPoolSize(1);
        return pool;
    }
}
