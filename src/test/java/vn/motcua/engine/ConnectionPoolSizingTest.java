package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;

/** The pool is sized from the job executor by default: each job thread may hold two connections at once. */
@MotcuaTest
class ConnectionPoolSizingTest {

    @Autowired DataSource dataSource;

    @Test
    void thePoolHasTwoConnectionsPerJobThreadOneForTheAcquisitionAndTheRequestsShare() {
        assertThat(ConnectionPoolSizing.poolSize(6, 10)).isEqualTo(23);
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        // application.yml: 6 job threads, 10 connections for requests; Hikari alone would give 10
        assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(23);
    }
}
