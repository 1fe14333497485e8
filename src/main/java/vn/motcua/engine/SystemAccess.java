package vn.motcua.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs engine calls that the system makes on an officer's behalf (starting an escalation, moving
 * a timer, looking up a group's e-mail addresses) without the officer's authorization and tenant
 * checks, when they happen inside a command the officer started (a message to the dossier's other
 * processes reaches those of other units too). Outside a command they run as they are.
 */
final class SystemAccess {

    private SystemAccess() {
    }

    static <T> T call(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return work.get();
        }
        boolean tenantCheck = context.isTenantCheckEnabled();
        context.disableTenantCheck();
        try {
            return context.runWithoutAuthorization(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            context.setTenantCheckEnabled(tenantCheck);
        }
    }

    /**
     * Runs the work as {@link #call} does, in an engine command and a transaction of its own, which commit or roll
     * back apart from any the caller is in (from a transaction's after-commit callback, say, or for one item of many).
     */
    static <T> T callApart(ProcessEngine engine, Supplier<T> work) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequiresNew()
                .execute(context -> call(work));
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The task of this id, or null. Inside a command, read by its id through the command's entity cache: a task query
     * by id is built by MyBatis from the whole dynamic task-query mapping (filters, authorization and tenant checks),
     * which took about a twelfth of the escalation jobs' processor time when 3,000 steps fell overdue at once.
     */
    static Task task(TaskService tasks, String taskId) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return tasks.createTaskQuery().taskId(taskId).singleResult();
        }
        return call(() -> context.getTaskManager().findTaskById(taskId));
    }

    /** The users of those ids that exist, in one query, as {@link #user} reads one. */
    static List<User> users(IdentityService identity, Collection<String> userIds) {
        String[] ids = userIds.toArray(String[]::new);
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return identity.createUserQuery().userIdIn(ids).list();
        }
        return call(() -> context.getReadOnlyIdentityProvider().createUserQuery(context).userIdIn(ids).list());
    }

    /** The user of this id, or null; inside a command by id through the configured identity provider. */
    static User user(IdentityService identity, String userId) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return identity.createUserQuery().userId(userId).singleResult();
        }
        return call(() -> context.getReadOnlyIdentityProvider().findUserById(userId));
    }
}
