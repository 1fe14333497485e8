package vn.motcua.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

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

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
