package vn.motcua.cluster;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the embedded H2 (the default), each connection keeps the last {@value #STATEMENTS} statements it parsed, not
 * H2's own 8 ({@code QUERY_CACHE_SIZE}). Every statement the engine, Hibernate or the application runs is prepared
 * anew on each execution, and H2 parses it again unless that connection's cache still holds its text. One step of a
 * dossier runs some 60 different statements, so with 8 almost every statement was parsed again each time: a tenth
 * of everything the application allocated over 1,000 dossiers (4.7 GB of 46.3 GB, in the application's own heap)
 * was H2's parser; with 64, 2.4 GB of 43.2 GB (the memory benchmark's work, flight-recorded). A size already named in
 * the URL is kept; an H2 server ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}) keeps its own settings.
 */
@Configuration(proxyBeanMethods = false)
class H2QueryCache {

    private static final Logger log = LoggerFactory.getLogger(H2QueryCache.class);

    static final int STATEMENTS = 64;
    static final String SETTING = "QUERY_CACHE_SIZE";

    @Bean
    static BeanPostProcessor h2QueryCacheSizer() {
        return new BeanPostProcessor() {
            // before initialisation: the pool's settings are bound by then, and its first connection is not taken yet
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
                    String url = withCache(pool.getJdbcUrl());
                    if (!url.equals(pool.getJdbcUrl())) {
                        pool.setJdbcUrl(url);
                        log.info("H2: each connection keeps its last {} parsed statements", STATEMENTS);
                    }
                }
                return bean;
            }
        };
    }

    /** The URL with the query cache's size added, or the same URL when it is not the embedded H2 or names one. */
    static String withCache(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.startsWith("JDBC:H2:TCP:") || upper.startsWith("JDBC:H2:SSL:") || upper.contains(SETTING + "=")) {
            return url;
        }
        return url + ";" + SETTING + "=" + STATEMENTS;
    }
}
