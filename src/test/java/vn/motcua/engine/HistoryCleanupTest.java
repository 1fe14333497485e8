package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Committed;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * The engine's history cleanup is scheduled for the nightly window in Huế (22:00–05:00), so that dossiers' history
 * goes once its time to live has passed instead of growing without bound. The time to live counts from the root
 * instance's start (a dossier's filing), and the removal time is written with each history row.
 */
@MotcuaTest
class HistoryCleanupTest {

    /** Household business registration, at UBND phường Thuận Hóa. */
    static final String HOUSEHOLD_BUSINESS = "1.001612";

    /** The history tables whose rows carry a root instance and a removal time. */
    static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
            "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG");

    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired Driver driver;
    @Autowired JdbcTemplate jdbc;
    @Autowired OpenInstancesRemovalTimes openInstances;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void theCleanupRunsInTheNightlyWindowInHue() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00+0700");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0700");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        // the cleanup job waits for the window: due at 22:00 or later in Huế, never in the working day
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            ZonedDateTime due = job.getDuedate().toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(due.getHour() >= 22 || due.getHour() < 5).as("due %s", due).isTrue();
        });
        Job job = history.findHistoryCleanupJobs().get(0);
        assertThat(job.getProcessInstanceId()).isNull();
    }

    @Test
    void anOpenDossiersHistoryAlreadyCarriesItsRemovalTimeTenYearsAfterItsFiling() {
        // Tuesday 25 Nov 2025, 09:00 in Huế
        Instant filed = Instant.parse("2025-11-25T02:00:00Z");
        String code = fileAt(filed);
        ClockUtil.setCurrentTime(Date.from(filed.plus(Duration.ofHours(2))));
        driver.complete(code, "Task_receptionCheck", "APPROVE", "Đủ giấy tờ");
        String lifecycle = driver.lifecycle(code).getId();
        String handling = driver.handling(code).getId();
        assertThat(handling).isNotEqualTo(lifecycle);

        // the dossier is open (its appraisal waits), yet every row of its history, its handling's too, says when
        // it goes: ten years (P3650D) after the filing, not after the reception two hours later
        assertRemovalTime(lifecycle, filed.plus(Duration.ofDays(3650)));
        for (String table : TABLES.subList(0, 6)) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?",
                    Long.class, lifecycle)).as(table).isPositive();
        }
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = ?"
                + " and ROOT_PROC_INST_ID_ = ?", Long.class, handling, lifecycle)).isPositive();
    }

    @Test
    void aDossierOpenSinceAnEarlierVersionGetsItsRemovalTimeAtStartUp() {
        Instant filed = Instant.parse("2025-11-25T02:00:00Z");
        String code = fileAt(filed);
        String lifecycle = driver.lifecycle(code).getId();
        // and an at-risk refresh (history kept one day), started by a node of the earlier version and ended by a new one
        String refresh = runtime.startProcessInstanceByKey("atRiskFlags").getId();
        Staff.clear();
        // as an earlier version kept them: no removal time until the root ends
        for (String table : TABLES) {
            Committed.update(jdbc, "update " + table + " set REMOVAL_TIME_ = null where ROOT_PROC_INST_ID_ in (?, ?)", lifecycle,
                    refresh);
        }

        // the start-up, an hour later
        Instant upgraded = filed.plus(Duration.ofHours(1));
        ClockUtil.setCurrentTime(Date.from(upgraded));
        // with the removal time set back at the end, open roots have none by design: nothing to do
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.setHistoryRemovalTimeStrategy("end");
        try {
            assertThat(openInstances.provide()).isNull();
        } finally {
            configuration.setHistoryRemovalTimeStrategy("start");
        }
        Batch batch = openInstances.provide();
        assertThat(batch).isNotNull();
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId())) {
            for (Job job = next(definition); job != null; job = next(definition)) {
                management.executeJob(job.getId());
            }
        }
        // the batch is done and gone; the log of its jobs carries the batch's own removal time, ten years after it
        // started (the engine writes it on those rows whose job definition still exists)
        assertThat(management.createBatchQuery().batchId(batch.getId()).count()).isZero();
        assertThat(jdbc.queryForList("select REMOVAL_TIME_ from ACT_HI_JOB_LOG where JOB_DEF_ID_ in (?, ?)",
                Date.class, batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId()))
                .filteredOn(time -> time != null).extracting(Date::toInstant).hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(upgraded.plus(Duration.ofDays(3650)));
        assertRemovalTime(lifecycle, filed.plus(Duration.ofDays(3650)));
        assertRemovalTime(refresh, filed.plus(Duration.ofDays(1)));
        // what the dossier writes from now on takes it too, and a second start-up finds nothing to do
        Staff.actAs("demo", "camunda-admin");
        driver.complete(code, "Task_receptionCheck", "APPROVE", "Đủ giấy tờ");
        assertThat(jdbc.queryForList("select REMOVAL_TIME_ from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ = ?",
                Date.class, lifecycle)).hasSizeGreaterThan(1).allSatisfy(time -> assertThat(time).isNotNull());
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where END_TIME_ is null"
                + " and REMOVAL_TIME_ is null and ID_ = ROOT_PROC_INST_ID_ and ID_ = ?", Long.class, lifecycle)).isZero();
    }

    private String fileAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        Staff.actAs("demo", "camunda-admin");
        return driver.intake(HOUSEHOLD_BUSINESS);
    }

    /** Every history row of the root instance and those it called, in each table, carries that removal time. */
    private void assertRemovalTime(String root, Instant removal) {
        for (String table : TABLES) {
            assertThat(jdbc.queryForList("select REMOVAL_TIME_ from " + table + " where ROOT_PROC_INST_ID_ = ?",
                    Date.class, root)).as(table).allSatisfy(time -> {
                        assertThat(time).isNotNull();
                        assertThat(time.toInstant()).isEqualTo(removal);
                    });
        }
    }

    private Job next(String jobDefinition) {
        return management.createJobQuery().jobDefinitionId(jobDefinition).listPage(0, 1).stream().findFirst()
                .orElse(null);
    }

    @Test
    void theCleanupRemovesWhatHasOutlivedItsTimeToLiveAndNothingElse() {
        // Tuesday 25 Nov 2025, 09:00 in Huế: a dossier is filed, and the at-risk flags are refreshed (history kept
        // for one day)
        String code = fileAt(Instant.parse("2025-11-25T02:00:00Z"));
        String lifecycle = driver.lifecycle(code).getId();
        String refresh = runtime.startProcessInstanceByKey("atRiskFlags").getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(refresh).finished().count())
                .isOne();
        Staff.clear();

        try {
            // the night after next, 23:00 in Huế: the cleanup runs
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-11-27T16:00:00Z")));
            String job = history.cleanUpHistoryAsync(true).getId();
            management.executeJob(job);

            // the refresh's history is gone, every row of it; the dossier's stays
            for (String table : TABLES) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?",
                        Long.class, refresh)).as(table).isZero();
            }
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(lifecycle).count()).isOne();
            assertThat(jdbc.queryForObject("select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ?",
                    Long.class, lifecycle)).isPositive();
        } finally {
            // back to waiting for the nightly window
            history.cleanUpHistoryAsync(false);
        }
    }
}
