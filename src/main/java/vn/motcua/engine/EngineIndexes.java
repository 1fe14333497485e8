package vn.motcua.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes of the project's own on the engine's tables, for the queries a province's volume makes slow.
 *
 * <p>Two on the job table, for the job executor's acquisition, which every node runs every few seconds and before
 * every batch of jobs: "the first few active jobs that are due and not locked, whose instance has no other exclusive
 * job in progress". The engine's schema has no index for either half, so MariaDB read the whole table twice for each
 * acquisition (the due jobs by a full scan, the jobs in progress materialised by another), and a province's table
 * holds two timers of every open task: measured with 10,000 steps overdue at once and their 10,000 warnings held
 * back, about 7,000 and 12,700 rows read per acquisition of three jobs, which kept the database busy and the
 * escalations slow. With them it reads the due jobs from {@code (SUSPENSION_STATE_, DUEDATE_)} (a few rows) and the
 * jobs in progress from {@code (LOCK_EXP_TIME_)} (those locked now).
 *
 * <p>One on the tasks' identity links, for the officers' task lists: every Tasklist filter of ours selects the tasks
 * whose candidate group is one of the officer's. The engine's index on the group alone sent MariaDB to the table
 * for each of a unit's 10,000 links (to check the link's type and find its task); {@code (GROUP_ID_, TYPE_,
 * TASK_ID_)} answers from the index alone, measured on MariaDB with 10,000 open tasks in the unit and 100,000 in the
 * city: the list's count from 39 to 25 ms.
 *
 * <p>Created once the engine has built (or checked) its schema, if missing, under names of the project's own; a
 * database where they cannot be created (no right to) still works, slower, and says so in the log.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final String DUE = "MOTCUA_IDX_JOB_DUE";
    static final String LOCKED = "MOTCUA_IDX_JOB_LOCKED";
    static final String CANDIDATES = "MOTCUA_IDX_IDENT_LNK_CAND";

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        create("ACT_RU_JOB", DUE, "SUSPENSION_STATE_, DUEDATE_", "the job executor's acquisition reads the whole job table");
        create("ACT_RU_JOB", LOCKED, "LOCK_EXP_TIME_", "the job executor's acquisition reads the whole job table");
        create("ACT_RU_IDENTITYLINK", CANDIDATES, "GROUP_ID_, TYPE_, TASK_ID_",
                "the task lists read every candidate link of a unit from the table");
    }

    private void create(String table, String name, String columns, String without) {
        try {
            jdbc.execute("create index if not exists " + name + " on " + table + " (" + columns + ")");
        } catch (RuntimeException e) {
            log.warn("Index {} on {} ({}) not created, {}: {}", name, table, columns, without, e.toString());
        }
    }
}
