package vn.motcua.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import vn.motcua.cluster.ClusterLock;

/**
 * One node at a time builds its process engine: the engine creates or completes its schema while it is built
 * ({@code camunda.bpm.database.schema-update=true}) by checking which tables exist and creating the missing ones,
 * which two nodes starting at the same moment on an empty database would do both, the second failing on tables
 * the first just created. The cluster lock {@value #LOCK} is held from the end of the configuration until the
 * engine is built; a node starting later finds the schema in place and checks it in a moment.
 */
@Component
class EngineStartLock extends AbstractProcessEnginePlugin {

    static final String LOCK = "engine-schema";

    private final ClusterLock lock;
    private ClusterLock.Held held;

    EngineStartLock(ClusterLock lock) {
        this.lock = lock;
    }

    @Override
    public synchronized void postInit(ProcessEngineConfigurationImpl configuration) {
        held = lock.acquire(LOCK);
    }

    @Override
    public synchronized void postProcessEngineBuild(ProcessEngine engine) {
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
