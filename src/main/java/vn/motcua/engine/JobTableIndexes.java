package vn.motcua.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's job table for the job executor's acquisition, which every node runs every few
 * seconds and before every batch of jobs: "the first few active jobs that are due and not locked, whose instance has
 * no other exclusive job in progress". The engine's schema has no index for either half, so MariaDB read the whole
 * table twice for each acquisition (the due jobs by a full scan, the jobs in progress materialised by another), and a
 * province's table holds two timers of every open task: measured with 10,000 steps overdue at once and their 10,000
 * warnings held back, about 7,000 and 12,700 rows read per acquisition of three jobs, which kept the database busy
 * and the escalations slow. With them it reads the due jobs from {@code (SUSPENSION_STATE_, DUEDATE_)} (a few rows)
 * and the jobs in progress from {@code (LOCK_EXP_TIME_)} (those locked now).
 *
 * <p>Created once the engine has built (or checked) its schema, if missing, under names of the project's own; a
 * database where they cannot be created (no right to) still works, slower, and says so in the log.
 */
@Component
class JobTableIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobTableIndexes.class);

    static final String DUE = "MOTCUA_IDX_JOB_DUE";
    static final String LOCKED = "MOTCUA_IDX_JOB_LOCKED";

    private final JdbcTemplate jdbc;

    JobTableIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        create(DUE, "SUSPENSION_STATE_, DUEDATE_");
        create(LOCKED, "LOCK_EXP_TIME_");
    }

    private void create(String name, String columns) {
        try {
            jdbc.execute("create index if not exists " + name + " on ACT_RU_JOB (" + columns + ")");
        } catch (RuntimeException e) {
            log.warn("Index {} on ACT_RU_JOB ({}) not created, the job executor's acquisition reads the whole job table:"
                    + " {}", name, columns, e.toString());
        }
    }
}
