package vn.motcua.engine;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history's removal time is written with each history row, from the root instance's start
 * ({@code historyRemovalTimeStrategy: start}). A database kept by an earlier version, whose engine wrote it when each
 * root instance ended, holds root instances still open at the upgrade without one; the rows written for them from then
 * on would take none from them either, and their history would never be cleaned up. So do roots that an earlier
 * node started and a new one ended, while both ran during a rolling upgrade. At start-up those roots, open or ended,
 * and the instances they called, get their removal time (start plus their definition's time to live) on every history
 * row, by one of the engine's batches (which Cockpit shows). A database without such instances, new or already done, costs
 * one query. With the removal time set back at the end ({@code historyRemovalTimeStrategy: end}), open roots have
 * none by design, and nothing is done.
 */
@Component
class OpenInstancesRemovalTimes {

    private static final Logger log = LoggerFactory.getLogger(OpenInstancesRemovalTimes.class);

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final ProcessEngine engine;

    OpenInstancesRemovalTimes(JdbcTemplate jdbc, @Lazy HistoryService history, @Lazy ProcessEngine engine) {
        this.jdbc = jdbc;
        this.history = history;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        provide();
    }

    /** Starts the batch that writes the missing removal times, if any root instance lacks one; null if none does. */
    Batch provide() {
        String strategy = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getHistoryRemovalTimeStrategy();
        if (!ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_START.equals(strategy)) {
            return null;
        }
        List<String> roots = jdbc.queryForList("select PI.ID_ from ACT_HI_PROCINST PI"
                + " join ACT_RE_PROCDEF PD on PD.ID_ = PI.PROC_DEF_ID_"
                + " where PI.REMOVAL_TIME_ is null and PI.ID_ = PI.ROOT_PROC_INST_ID_"
                + " and PD.HISTORY_TTL_ is not null", String.class);
        if (roots.isEmpty()) {
            return null;
        }
        Batch batch = history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime()
                .byIds(roots.toArray(String[]::new)).hierarchical().executeAsync();
        log.info("History removal times: {} root instances had none (history kept by an earlier version);"
                + " batch {} writes them", roots.size(), batch.getId());
        return batch;
    }
}
