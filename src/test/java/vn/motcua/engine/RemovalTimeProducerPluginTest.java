package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;

/**
 * A job log row of a timer or an asynchronous step is written without looking for a batch of that name; the rows of
 * batches' jobs still take their batch's removal time ({@code HistoryCleanupTest}).
 */
@MotcuaTest
class RemovalTimeProducerPluginTest {

    @Autowired ProcessEngine engine;

    @Test
    void theEngineWritesItsHistoryThroughTheProducer() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryEventProducer())
                .isInstanceOf(RemovalTimeProducerPlugin.Producer.class);
    }

    @Test
    void timersAndAsynchronousStepsAreNoBatchAndNeedNoRead() {
        RemovalTimeProducerPlugin.Producer producer = new RemovalTimeProducerPlugin.Producer();
        // outside any command: a read would fail, so none is made
        for (String configuration : new String[] {"DATE: ${deadlines.due(execution)}", "CYCLE: 0 0 7 * * ?",
                "DURATION: PT5M", "async-before", "async-after"}) {
            assertThat(RemovalTimeProducerPlugin.mayBeBatchId(configuration)).as(configuration).isFalse();
            assertThat(producer.getHistoricBatchById(configuration)).as(configuration).isNull();
        }
        assertThat(RemovalTimeProducerPlugin.mayBeBatchId(null)).isFalse();
        // an id the engine made may be a batch's: it is looked up (here, outside a command, that fails)
        String id = "e928f250-f27b-11f1-b5e4-02fc00000001";
        assertThat(RemovalTimeProducerPlugin.mayBeBatchId(id)).isTrue();
        assertThatThrownBy(() -> producer.getHistoricBatchById(id)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CacheAwareHistoryEventProducer() {
            {
                getHistoricBatchById("async-before");
            }
        }).isInstanceOf(NullPointerException.class);
    }
}
