package vn.motcua.engine;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.report.EngineIncidents;

/** The engine's open incidents for the metrics: one count query. */
@Component
class IncidentsAdapter implements EngineIncidents {

    private final RuntimeService runtime;

    IncidentsAdapter(@Lazy RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public long open() {
        return SystemAccess.call(() -> runtime.createIncidentQuery().count());
    }
}
