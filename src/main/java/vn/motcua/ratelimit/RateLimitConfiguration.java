package vn.motcua.ratelimit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The rate limiter of the online channel and of the login throttle: kept in the database, shared by every node,
 * unless another {@link RateLimiter} bean is given.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Wall-clock time: the engine's clock, which tests move, must not open or close the windows. */
    @Bean
    @ConditionalOnMissingBean(RateLimiter.class)
    RateLimiter databaseRateLimiter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new DatabaseRateLimiter(jdbc, transactions, Clock.systemUTC());
    }
}
