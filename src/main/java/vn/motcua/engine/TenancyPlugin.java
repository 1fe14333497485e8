package vn.motcua.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;

import org.camunda.bpm.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Turns on the engine's tenant check and registers {@link DossierTenantProvider}: each new process
 * instance gets its unit's tenant; every call activity starts its instance in the tenant of the unit
 * that works in it ({@link UnitCallActivityBehavior}). Acting on another unit's task or instance is
 * refused as an authorization failure (the REST API's 403), not as the engine's generic error (500).
 */
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
        configuration.setCommandCheckers(new ArrayList<>(List.of(forbiddingOtherTenants(new TenantCommandChecker()),
                new AuthorizationCommandChecker())));
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseCallActivity(Element callActivityElement, ScopeImpl scope, ActivityImpl activity) {
                if (callActivityElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "variableMappingClass") != null
                        || callActivityElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS,
                                "variableMappingDelegateExpression") != null) {
                    // the unit's call activity passes variables with camunda:in and camunda:out only
                    throw new IllegalStateException("Call activity " + activity.getId()
                            + ": variable mapping delegates are not supported; use camunda:in and camunda:out");
                }
                if (activity.getActivityBehavior() instanceof CallActivityBehavior original) {
                    activity.setActivityBehavior(new UnitCallActivityBehavior(original, provider));
                }
            }
        });
    }

    /** The engine's tenant checks, their refusals raised as {@link AuthorizationException}s. */
    private static CommandChecker forbiddingOtherTenants(CommandChecker checks) {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(checks, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof ProcessEngineException refused
                                && !(refused instanceof AuthorizationException)) {
                            throw new AuthorizationException(refused.getMessage());
                        }
                        throw e.getCause();
                    }
                });
    }
}
