package vn.motcua.engine;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.Deadlines;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

/**
 * Gives each process instance of the shared (tenant-less) definitions the tenant of the unit that
 * works in it, from the dossier itself, never from a variable a caller could write:
 * <ul>
 * <li>the apology and new appointment (Form 04) the appointment watch calls: the unit holding the
 * dossier at that moment, whose officers draft it and whose supervisors approve it;</li>
 * <li>the counter's part of an interconnected set (recording the fees paid): the receiving unit;</li>
 * <li>an instance a call activity starts ({@link UnitCallActivityBehavior}) (a handling process, an interconnected set, an agency's part
 * of it): the unit that holds the called process's first step in the procedure's internal process,
 * else the lead handling unit, found by the calling instance's business key (the dossier code);</li>
 * <li>an instance the project's own code starts ({@link #startIn}): the unit that code names (the
 * receiving unit for the lifecycle, notices, survey and appointment watch; the unit a complaint
 * concerns; the unit of the overdue step for an escalation);</li>
 * <li>the periodic report, and anything else: the city's tenant, so that only the city's supervisors
 * and administrators see it.</li>
 * </ul>
 * An instance started without an authenticated user (the system, a test) and without a tenant named
 * gets the receiving unit of the dossier its {@code dossierCode} start variable names, if any.
 */
@Component
class DossierTenantProvider implements TenantIdProvider {

    private static final String TASK_PREFIX = "Task_";
    static final String APOLOGY_PROCESS = "appointmentApology";
    /** Called processes worked by the counter that received the dossier (recording the fees paid). */
    static final Set<String> COUNTER_PARTS = Set.of("feesPayment");
    private static final ThreadLocal<Start> STARTING = new ThreadLocal<>();

    private final Dossiers dossiers;
    private final Deadlines deadlines;

    DossierTenantProvider(@Lazy Dossiers dossiers, @Lazy Deadlines deadlines) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
    }

    /**
     * Runs work that starts an instance of the process, giving that instance (the first one of that
     * key, not started by a call activity) the tenant.
     */
    static <T> T startIn(String processKey, String tenantId, Supplier<T> work) {
        Start previous = STARTING.get();
        STARTING.set(new Start(processKey, tenantId));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                STARTING.remove();
            } else {
                STARTING.set(previous);
            }
        }
    }

    static void startIn(String processKey, String tenantId, Runnable work) {
        startIn(processKey, tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** The tenant of the unit that received the dossier, or the city's when there is no such dossier. */
    String receivingUnit(String dossierCode) {
        return dossier(dossierCode).map(d -> Tenants.ofUnit(d.getReceivingUnit())).orElse(Tenants.CITY);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        ProcessDefinition definition = ctx.getProcessDefinition();
        DelegateExecution caller = ctx.getSuperExecution();
        if (caller != null) {
            return calledBy(caller.getProcessBusinessKey(), definition);
        }
        Start start = STARTING.get();
        if (start != null && start.processKey().equals(definition.getKey())) {
            STARTING.set(null);
            return start.tenantId();
        }
        if (!ProcessVariables.PERIODIC_REPORT_PROCESS.equals(definition.getKey()) && noAuthenticatedUser()
                && ctx.getVariables() != null
                && ctx.getVariables().get(ProcessVariables.DOSSIER_CODE) instanceof String code) {
            return receivingUnit(code);
        }
        return Tenants.CITY;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return Tenants.CITY;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return ctx.getCaseExecution() != null ? ctx.getCaseExecution().getTenantId() : Tenants.CITY;
    }

    /** A called process: the unit that holds its first step of the procedure's internal process, else the lead unit. */
    String calledBy(String dossierCode, ProcessDefinition definition) {
        Optional<Dossier> dossier = dossier(dossierCode);
        if (dossier.isEmpty()) {
            return Tenants.CITY;
        }
        if (APOLOGY_PROCESS.equals(definition.getKey())) {
            return Tenants.ofUnit(deadlines.holdingUnit(dossierCode));
        }
        if (COUNTER_PARTS.contains(definition.getKey())) {
            return Tenants.ofUnit(dossier.get().getReceivingUnit());
        }
        Procedure procedure = dossiers.procedureOf(dossier.get());
        Unit unit = procedure.leadHandlingUnit();
        if (definition instanceof ProcessDefinitionImpl parsed) {
            for (ActivityImpl activity : parsed.getActivities()) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior
                        && activity.getId().startsWith(TASK_PREFIX)) {
                    var share = procedure.step(activity.getId().substring(TASK_PREFIX.length()));
                    if (share.isPresent()) {
                        unit = procedure.unitOf(share.get());
                        break;
                    }
                }
            }
        }
        return Tenants.ofUnit(unit.getKey());
    }

    private Optional<Dossier> dossier(String code) {
        return code == null ? Optional.empty() : dossiers.find(code);
    }

    private static boolean noAuthenticatedUser() {
        CommandContext context = Context.getCommandContext();
        return context == null || context.getAuthenticatedUserId() == null;
    }

    private record Start(String processKey, String tenantId) {
    }
}
