package vn.motcua.engine;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Keeps the officers' task lists cheap at a province's scale while each officer still works only the tasks of his
 * own groups.
 *
 * <p>With Camunda's defaults the engine writes an authorization row for every candidate group and assignee of every
 * task, and every task query (and the query of the cards' variables) joins the caller's authorization rows on the
 * task id: a unit's list then costs with the square of the open tasks (0.9 s at 10,000 in the unit, 100,000 in the
 * city). Here the engine writes no row per task. An officer's groups read the tasks of their unit, their variables
 * and work on them through one grant per group on every process definition ({@code IdentityBootstrap}), which the
 * unit tenants confine to the officer's own unit; within the unit, the work on a task (claim, assign, complete,
 * submit its form, write its variables) is checked here, in the engine's own command checks: only the task's
 * assignee or owner, a candidate user, or a member of a candidate group may do it (the administrators too). The
 * authorization joins then hold a handful of rows whatever the number of tasks.
 *
 * <p>What an officer may do is unchanged; he may now also read the other tasks of his own unit and their variables,
 * as his unit's supervisors do. The rows an earlier version let the engine write per task are deleted at start-up
 * ({@code IdentityBootstrap}).
 */
@Component
class TaskAuthorizationsPlugin extends AbstractProcessEnginePlugin {

    /** The command checks of the work on a task. */
    private static final Set<String> WORK_CHECKS = Set.of("checkTaskAssign", "checkTaskWork",
            "checkUpdateTaskVariable", "checkDeleteTask");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setResourceAuthorizationProvider(new NoRowsPerTask());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>(configuration.getCommandCheckers());
        checkers.add(candidatesOnly());
        configuration.setCommandCheckers(checkers);
    }

    /** A command checker that refuses the work on a task to anyone but its assignee, owner and candidates. */
    static CommandChecker candidatesOnly() {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "candidatesOnly";
                        };
                    }
                    if (WORK_CHECKS.contains(method.getName()) && args != null && args.length == 1
                            && args[0] instanceof TaskEntity task) {
                        ensureWorksOn(task);
                    }
                    return null;
                });
    }

    private static void ensureWorksOn(TaskEntity task) {
        CommandContext context = Context.getCommandContext();
        if (context == null || !context.isAuthorizationCheckEnabled()
                || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return;
        }
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication)) {
            return;
        }
        String user = authentication.getUserId();
        if (user.equals(task.getAssignee()) || user.equals(task.getOwner())) {
            return;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.equals(link.getUserId()) || (link.getGroupId() != null
                            && groups.contains(link.getGroupId())))) {
                return;
            }
        }
        throw new AuthorizationException("The user '" + user + "' is neither the assignee of the task '"
                + task.getId() + "' nor one of its candidates, and may not work on it");
    }

    /** The engine's default authorizations, without the rows per task of its candidates, assignee and owner. */
    static final class NoRowsPerTask extends DefaultAuthorizationProvider {

        private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return NONE;
        }
    }
}
