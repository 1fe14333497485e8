package vn.motcua.cluster;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The pool's connections come with auto-commit off, and Hibernate is told so ({@value #PROVIDER_DISABLES_AUTOCOMMIT}):
 * a transaction then sends its statements and its {@code COMMIT}, not {@code set autocommit=0} and {@code =1} around
 * them, and one that runs no statement (an engine command answered from its caches) takes no connection. Every write
 * runs in a transaction; a read outside one is rolled back when its connection returns to the pool.
 *
 * <p>Set on the pool before its first connection, as {@link H2LockWait} sets its lock wait. A pool already started by
 * then (an H2 server, {@code jdbc:h2:tcp:}) keeps auto-commit on, and Hibernate is then not told, so that it turns
 * auto-commit off for each transaction itself, as before; {@code spring.datasource.hikari.auto-commit=true} keeps it
 * on the same way.
 */
@Configuration(proxyBeanMethods = false)
class PoolAutoCommit {

    private static final Logger log = LoggerFactory.getLogger(PoolAutoCommit.class);

    static final String PROVIDER_DISABLES_AUTOCOMMIT = "hibernate.connection.provider_disables_autocommit";
    static final String EXPLICIT = "spring.datasource.hikari.auto-commit";

    @Bean
    static BeanPostProcessor poolAutoCommitOff(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.isAutoCommit()
                        && !environment.containsProperty(EXPLICIT)) {
                    if (pool.isRunning()) {
                        log.warn("The connection pool was started before auto-commit could be turned off; each"
                                + " transaction turns it off and on itself");
                        return bean;
                    }
                    pool.setAutoCommit(false);
                }
                return bean;
            }
        };
    }

    @Bean
    HibernatePropertiesCustomizer providerDisablesAutoCommit(DataSource dataSource) {
        return properties -> {
            if (dataSource instanceof HikariDataSource pool && !pool.isAutoCommit()) {
                properties.put(PROVIDER_DISABLES_AUTOCOMMIT, "true");
            }
        };
    }
}
