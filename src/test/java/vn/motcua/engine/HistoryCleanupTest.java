package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;

/**
 * The engine's history cleanup is scheduled for the nightly window in Huế (22:00–05:00), so that ended dossiers'
 * history goes once its time to live has passed instead of growing without bound.
 */
@MotcuaTest
class HistoryCleanupTest {

    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;

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
}
