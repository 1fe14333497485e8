package vn.motcua.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks the id of every row it inserts (not null, not {@code *}), and builds the message of that check
 * before checking: the whole entity written out with {@code toString()} (a history event with its dates, a variable
 * with its value's byte array), for every insert, to be thrown away. Sampled while 3,000 overdue steps escalated at
 * once, that was about a thirtieth of the job threads' processor time, and as much of an intake's.
 *
 * <p>Here the engine's entity manager is the same but for that check, which builds the engine's own message, and
 * throws the engine's own exception, only for an id that fails it.
 */
@Component
class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class,
                new Factory(configuration.getIdGenerator()));
    }

    /** Opens {@link CheckingOnFailure} entity managers, as the engine's factory opens its own. */
    static final class Factory extends DbEntityManagerFactory {

        Factory(IdGenerator ids) {
            super(ids);
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext()
                    .getSession(PersistenceSession.class);
            return new CheckingOnFailure(idGenerator, persistence);
        }
    }

    /** The engine's entity manager, whose id check writes the entity out only when the id fails it. */
    static final class CheckingOnFailure extends DbEntityManager {

        CheckingOnFailure(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || "*".equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
