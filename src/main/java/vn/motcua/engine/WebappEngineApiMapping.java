package vn.motcua.engine;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The webapps' own engine API (/camunda/api/engine, what Tasklist completes tasks through) answers a rejected
 * decision as the engine REST API does: 400 with the officer-readable reason, not 500 with the engine's
 * "ENGINE-03051 … TaskListener" text. That API is a separate Jersey application that Camunda's webapp starter
 * builds from its own Application class, so the mapper is added the way Jersey lets a library extend every
 * application: a forced auto-discoverable (META-INF/services), applied to the engine REST applications only
 * (those serving Camunda's engine resources) and skipped where the mapper is already registered.
 */
public final class WebappEngineApiMapping implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        Configuration configuration = context.getConfiguration();
        boolean engineApi = configuration.isRegistered(NamedProcessEngineRestServiceImpl.class)
                || configuration.getClasses().contains(NamedProcessEngineRestServiceImpl.class);
        if (engineApi && !configuration.isRegistered(EngineRestConfiguration.DecisionRejectedMapper.class)) {
            context.register(EngineRestConfiguration.DecisionRejectedMapper.class);
        }
    }
}
