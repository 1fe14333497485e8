package vn.motcua.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The connection pool sized from the job executor, the one place of that rule. A job holds a connection
 * for its transaction and may take a second one for a moment (the mail log records in a transaction of
 * its own), and the job acquisition takes one; HTTP requests take the rest:
 *
 * <pre>
 * spring.datasource.hikari.maximum-pool-size = 2 × camunda.bpm.job-execution.max-pool-size + 1 + motcua.database.request-connections
 * </pre>
 *
 * With the defaults in {@code application.yml} (6 job threads, 10 for requests) that is 23 per node.
 * Hikari's own default (10) would let 10 job threads hold every connection while each waits for its
 * second one, stalling jobs and requests for the pool's 30 s timeout. A pool size given explicitly is
 * kept, with a warning when it is below the rule.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionPoolSizing {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolSizing.class);

    static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    static final String JOB_THREADS = "camunda.bpm.job-execution.max-pool-size";
    static final String REQUEST_CONNECTIONS = "motcua.database.request-connections";

    /** Camunda's default when {@code camunda.bpm.job-execution.max-pool-size} is not given. */
    static final int DEFAULT_JOB_THREADS = 10;
    static final int DEFAULT_REQUEST_CONNECTIONS = 10;

    static int poolSize(int jobThreads, int requestConnections) {
        return 2 * jobThreads + 1 + requestConnections;
    }

    @Bean
    static BeanPostProcessor connectionPoolSizer(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    Binder binder = Binder.get(environment);
                    int jobThreads = binder.bind(JOB_THREADS, Integer.class).orElse(DEFAULT_JOB_THREADS);
                    int requests = binder.bind(REQUEST_CONNECTIONS, Integer.class).orElse(DEFAULT_REQUEST_CONNECTIONS);
                    int needed = poolSize(jobThreads, requests);
                    Integer given = binder.bind(POOL_SIZE, Integer.class).orElse(null);
                    if (given == null) {
                        pool.setMaximumPoolSize(needed);
                        log.info("Connection pool: {} connections for {} job threads and {} for requests", needed,
                                jobThreads, requests);
                    } else if (given < needed) {
                        log.warn("{}={} is below 2 × {} job threads + 1 + {} for requests = {}: jobs that record mail"
                                + " may wait for a connection", POOL_SIZE, given, jobThreads, requests, needed);
                    }
                }
                return bean;
            }
        };
    }
}
