package vn.motcua.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers {@link DossierTenantProvider}: the engine gives each new process instance its unit's tenant. */
@Component
class TenancyPlugin extends AbstractProcessEnginePlugin {

    private final DossierTenantProvider provider;

    TenancyPlugin(DossierTenantProvider provider) {
        this.provider = provider;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(provider);
        configuration.setTenantCheckEnabled(true);
    }
}
