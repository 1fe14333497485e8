package vn.motcua.engine;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Says at start-up how many running process instances have no tenant: those started before the engine
 * gave each instance its unit's tenant (a database upgraded from an earlier version). The engine's tenant
 * check lets every authorized user see a tenant-less instance, so a unit's supervisors still see those of
 * other units until they end; the engine has no call to move a running instance to a tenant.
 */
@Component
@Order(20)
class TenantlessInstances implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TenantlessInstances.class);

    private final RuntimeService runtime;

    TenantlessInstances(@Lazy RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void run(ApplicationArguments args) {
        long count = runtime.createProcessInstanceQuery().withoutTenantId().count();
        if (count > 0) {
            log.warn("{} running process instances have no tenant (started before units had tenants): every "
                    + "authorized user can see them in Cockpit and the engine's REST API until they end", count);
        }
    }
}
