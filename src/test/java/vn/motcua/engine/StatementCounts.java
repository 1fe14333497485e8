package vn.motcua.engine;

import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.ResultHandler;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts, for {@link TaskPageContract}, the task statements its own queries send to the database (those of its process,
 * {@value TaskPageContract#KEY}, so that the application's own task queries running beside the tests do not count):
 * the engine's task count, and a page's ids read with their total. Put in front of the engine's statements when the
 * engine is built, before its job executor runs.
 */
public class StatementCounts extends AbstractProcessEnginePlugin {

    static final AtomicInteger COUNTS = new AtomicInteger();
    static final AtomicInteger PAGE_IDS = new AtomicInteger();
    /** Run once right after the next page's ids were read (a change made between a page's two steps). */
    static final AtomicReference<Runnable> AFTER_PAGE_IDS = new AtomicReference<>();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Counter());
    }

    @Intercepts(@Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}))
    static final class Counter implements Interceptor {
        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            StatementHandler handler = (StatementHandler) invocation.getTarget();
            if (handler.getBoundSql().getParameterObject() instanceof TaskQueryImpl query
                    && TaskPageContract.KEY.equals(query.getProcessDefinitionKey())) {
                String id = ((MappedStatement) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement"))
                        .getId();
                if (id.endsWith(".selectTaskCountByQueryCriteria")) {
                    COUNTS.incrementAndGet();
                } else if (id.equals(TaskPageCounts.IDS_STATEMENT)) {
                    PAGE_IDS.incrementAndGet();
                    Object ids = invocation.proceed();
                    Runnable after = AFTER_PAGE_IDS.getAndSet(null);
                    if (after != null) {
                        after.run();
                    }
                    return ids;
                }
            }
            return invocation.proceed();
        }
    }
}
