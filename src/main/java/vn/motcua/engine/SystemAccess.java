package vn.motcua.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that the system makes on an officer's behalf (starting an escalation, moving
 * a timer, looking up a group's e-mail addresses) without the officer's authorization checks, when
 * they happen inside a command the officer started. Outside a command they run as they are.
 */
final class SystemAccess {

    private SystemAccess() {
    }

    static <T> T call(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return work.get();
        }
        try {
            return context.runWithoutAuthorization(work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
