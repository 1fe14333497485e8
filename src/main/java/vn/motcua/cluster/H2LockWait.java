package vn.motcua.cluster;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On H2 (the embedded default), a transaction waits for another's row lock as long as a request waits for a
 * connection ({@value #LOCK_WAIT_MS} ms), not H2's own two seconds. The shared rows every reception takes at its commit
 * (the register book's counter, the daily counts) are held for a moment only, but on a busy machine that moment can
 * pass two seconds: with 8 officers completing receptions at once on a loaded 2-core machine, a reception failed with
 * "Timeout trying to lock table REGISTER_COUNTER" (a 500) although the lock came free a little later. MariaDB waits
 * 50 s by default ({@code innodb_lock_wait_timeout}). A lock timeout already named in the URL ({@code LOCK_TIMEOUT=}),
 * or a pool's own initialisation SQL, is kept. The embedded H2 gets it; with an H2 server ({@code jdbc:h2:tcp:}) the
 * pool is already started before it could be set (the setting is sealed then), and H2's own wait stays, with a warning.
 */
@Configuration(proxyBeanMethods = false)
class H2LockWait {

    private static final Logger log = LoggerFactory.getLogger(H2LockWait.class);

    /** As {@code spring.datasource.hikari.connection-timeout} in {@code application.yml}. */
    static final int LOCK_WAIT_MS = 10_000;

    /** H2's own wait, {@code call lock_timeout()} on a fresh session. */
    static final int H2_OWN_LOCK_WAIT_MS = 2_000;

    @Bean
    static BeanPostProcessor h2LockTimeoutSetter() {
        return new BeanPostProcessor() {
            // before initialisation: the pool's settings are bound by then, and its first connection (which seals
            // them) is not taken yet
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && applies(pool.getJdbcUrl(), pool.getConnectionInitSql())) {
                    if (pool.isRunning()) {
                        log.warn("H2: the connection pool was started before its lock wait could be set; H2's own"
                                + " ({} ms) applies", H2_OWN_LOCK_WAIT_MS);
                        return bean;
                    }
                    pool.setConnectionInitSql("SET LOCK_TIMEOUT " + LOCK_WAIT_MS);
                    log.info("H2: a transaction waits up to {} ms for another's row lock", LOCK_WAIT_MS);
                }
                return bean;
            }
        };
    }

    static boolean applies(String url, String initSql) {
        return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, 8)
                && !url.toUpperCase(Locale.ROOT).contains("LOCK_TIMEOUT=")
                && (initSql == null || initSql.isBlank());
    }
}
