package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaTest;

/**
 * The job table has the acquisition's indexes, and the identity links the task lists' index, once the engine has
 * started (see {@link EngineIndexes}).
 */
@MotcuaTest
class EngineIndexesTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theJobTableHasTheAcquisitionsIndexes() {
        assertThat(jdbc.queryForList("select INDEX_NAME from INFORMATION_SCHEMA.INDEXES where TABLE_NAME = 'ACT_RU_JOB'",
                String.class)).contains(EngineIndexes.DUE, EngineIndexes.LOCKED);
        assertThat(columns("ACT_RU_JOB", EngineIndexes.DUE)).containsExactly("SUSPENSION_STATE_", "DUEDATE_");
    }

    @Test
    void theIdentityLinksHaveTheTaskListsIndex() {
        assertThat(columns("ACT_RU_IDENTITYLINK", EngineIndexes.CANDIDATES))
                .containsExactly("GROUP_ID_", "TYPE_", "TASK_ID_");
    }

    private java.util.List<String> columns(String table, String index) {
        return jdbc.queryForList("select COLUMN_NAME from INFORMATION_SCHEMA.INDEX_COLUMNS where TABLE_NAME = ? and"
                + " INDEX_NAME = ? order by ORDINAL_POSITION", String.class, table, index);
    }
}
