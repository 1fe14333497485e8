package vn.motcua.transaction;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The application's {@link JdbcTemplate}, in place of Spring Boot's: see {@link CommittingJdbcTemplate}. */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactions) {
        return new CommittingJdbcTemplate(dataSource, transactions);
    }
}
