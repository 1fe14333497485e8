package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;

/**
 * The engine's rows are inserted without writing each of them out for a message nobody reads, and an id the engine
 * refuses is still refused, with the engine's own exception and message.
 */
@MotcuaTest
class EntityIdCheckPluginTest {

    @Autowired ProcessEngine engine;

    @Test
    void aValidIdIsNotWrittenOutAndABadOneIsRefusedAsTheEngineRefusesIt() {
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        AtomicInteger writtenOut = new AtomicInteger();

        // inside a command, as every engine call: the entity is put in the command's cache and thrown away with it
        Throwable rolledBack = catchingRollback(() -> commands.execute(context -> {
            DbEntityManager manager = context.getDbEntityManager();
            assertThat(manager).isInstanceOf(EntityIdCheckPlugin.CheckingOnFailure.class);
            manager.insert(new Counted("motcua-entity-id-check", writtenOut));
            throw new RolledBack();
        }));
        assertThat(rolledBack).isInstanceOf(RolledBack.class);
        assertThat(writtenOut).as("times the inserted row was written out").hasValue(0);

        // a missing id is given one by the engine before the check; "*" (any resource) is refused
        assertThatThrownBy(() -> commands.execute(context -> {
            context.getDbEntityManager().insert(new Counted("*", writtenOut));
            return null;
        })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id")
                .hasMessageContaining("counted row *");
    }

    private static Throwable catchingRollback(Runnable work) {
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** A byte array row that counts how often it is written out as text. */
    static final class Counted extends ByteArrayEntity {

        private final transient AtomicInteger writtenOut;

        Counted(String id, AtomicInteger writtenOut) {
            this.writtenOut = writtenOut;
            setId(id);
        }

        @Override
        public String toString() {
            writtenOut.incrementAndGet();
            return "counted row " + getId();
        }
    }

    /** Rolls the command back, so the row is never written. */
    static final class RolledBack extends RuntimeException {
    }
}
