package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaTest;

/** The job table has the acquisition's indexes once the engine has started (see {@link JobTableIndexes}). */
@MotcuaTest
class JobTableIndexesTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theJobTableHasTheAcquisitionsIndexes() {
        assertThat(jdbc.queryForList("select INDEX_NAME from INFORMATION_SCHEMA.INDEXES where TABLE_NAME = 'ACT_RU_JOB'",
                String.class)).contains(JobTableIndexes.DUE, JobTableIndexes.LOCKED);
        assertThat(jdbc.queryForList("select COLUMN_NAME from INFORMATION_SCHEMA.INDEX_COLUMNS where TABLE_NAME ="
                + " 'ACT_RU_JOB' and INDEX_NAME = ? order by ORDINAL_POSITION", String.class, JobTableIndexes.DUE))
                .containsExactly("SUSPENSION_STATE_", "DUEDATE_");
    }
}
