package vn.motcua.engine;

import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.springframework.stereotype.Component;

/**
 * The engine's history producer, without one look-up that finds nothing. With the removal time counted from the start
 * ({@code historyRemovalTimeStrategy: start}), the engine gives every job log row the removal time of a batch whose
 * id is its job definition's configuration, and reads that batch from {@code ACT_HI_BATCH} to learn it. Only the jobs
 * of batches have a batch id there; every other job's definition holds its timer ({@code DATE: ${…}}, {@code CYCLE:
 * …}, {@code DURATION: …}) or its asynchronous continuation ({@code async-before}, {@code async-after}), and the read
 * was made for each of their log rows in vain: five times in a reception, some eighteen times per dossier. Those
 * rows take their root instance's removal time as before; batch jobs' rows still take their batch's.
 */
@Component
class RemovalTimeProducerPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventProducer(new Producer());
    }

    /** Whether a job definition's configuration can be a batch's id (an id the engine made: no colon, no space). */
    static boolean mayBeBatchId(String configuration) {
        return configuration != null && !configuration.equals("async-before") && !configuration.equals("async-after")
                && configuration.indexOf(':') < 0 && configuration.indexOf(' ') < 0;
    }

    static final class Producer extends CacheAwareHistoryEventProducer {

        @Override
        protected HistoricBatchEntity getHistoricBatchById(String batchId) {
            return mayBeBatchId(batchId) ? super.getHistoricBatchById(batchId) : null;
        }
    }
}
