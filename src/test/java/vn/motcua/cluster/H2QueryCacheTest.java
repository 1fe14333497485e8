package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaTest;

/** The embedded H2 keeps more parsed statements per connection than its own 8. */
@MotcuaTest
class H2QueryCacheTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theApplicationsConnectionsKeepSixtyFourParsedStatements() {
        // as the database itself reports it, on a connection of the application's pool
        assertThat(jdbc.queryForObject("select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = ?",
                String.class, "QUERY_CACHE_SIZE")).isEqualTo("64");
    }

    @Test
    void onlyTheEmbeddedH2AndOnlyWhenTheUrlNamesNoSizeOfItsOwn() {
        assertThat(H2QueryCache.withCache("jdbc:h2:file:./data/motcua;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/motcua;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=64");
        assertThat(H2QueryCache.withCache("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x;QUERY_CACHE_SIZE=64");
        assertThat(H2QueryCache.withCache("jdbc:h2:mem:x;query_cache_size=0")).isEqualTo("jdbc:h2:mem:x;query_cache_size=0");
        assertThat(H2QueryCache.withCache("jdbc:h2:tcp://db:9092/motcua")).isEqualTo("jdbc:h2:tcp://db:9092/motcua");
        assertThat(H2QueryCache.withCache("jdbc:mariadb://127.0.0.1:3306/motcua"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/motcua");
    }
}
