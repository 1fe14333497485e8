package vn.motcua.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Tasklist filter's page and its count from one pass over the matching tasks.
 *
 * <p>Tasklist asks for a filter's list as a HAL collection: the engine's REST API reads the page, then counts the
 * filter's tasks, each by a statement that goes through every task of the filter (10,000 open tasks of a unit: about
 * 30 ms each on MariaDB). Within one request to the engine's REST API for a HAL collection ({@link RequestScope}), a
 * page read in two steps ({@link TaskPagePlugin}) is read here with its total, counted over the page statement's
 * distinct ids in the same pass ({@code selectTaskPageIdsAndTotal} in {@code TaskPage.xml}). The count the same
 * request asks for next is answered with that total, without a second pass, when it is the same count: the engine's
 * count statement, bound to the page's query, gives the same SQL and the same values as bound to the count's query
 * (same filter, same criteria, same officer, groups and tenants). Anything else counts as the engine does. The total
 * is kept for one count only, on the request's thread, and forgotten when the request ends; outside such a request
 * (a plain JSON list, the engine's Java API, the job executor) nothing is kept and pages are read by
 * {@link TaskPagePlugin}'s single statement.
 *
 * <p>The page's rows are read by their ids in a second statement, a moment after the ids: a task that ended in
 * between makes the page read again by the single statement, with no total kept; a task claimed or changed in
 * between is shown as it is now, at the place its ids' step gave it.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
public class TaskPageCounts implements Interceptor {

    static final String IDS_STATEMENT = "vn.motcua.engine.TaskPage.selectTaskPageIdsAndTotal";
    static final String ROWS_STATEMENT = "vn.motcua.engine.TaskPage.selectTasksByIds";
    static final String COUNT_STATEMENT = "selectTaskCountByQueryCriteria";

    private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

    /** A page's total, kept for the count of the same query on the same engine's statements. */
    private record Total(Configuration configuration, String countKey, long total) {
    }

    private static final class Scope {
        private Total total;
    }

    /** Runs the call as one request: a page's total is kept for the count that follows within it, then forgotten. */
    public static <T> T withinRequest(Callable<T> call) throws Exception {
        if (SCOPE.get() != null) {
            return call.call();
        }
        SCOPE.set(new Scope());
        try {
            return call.call();
        } finally {
            SCOPE.remove();
        }
    }

    /**
     * Wraps an engine session's executor only where there is something to keep: within a Tasklist list request.
     * MyBatis offers each interceptor every executor and every statement's handlers, and looks this class's signature
     * up by reflection each time (a twentieth of what an intake allocated, for nothing). An executor lives for one
     * command, on the thread that runs it, so whether it is within such a request is known when it is made.
     */
    @Override
    public Object plugin(Object target) {
        return target instanceof Executor && SCOPE.get() != null ? Interceptor.super.plugin(target) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Scope scope = SCOPE.get();
        Object[] args = invocation.getArgs();
        if (scope == null || !(args[1] instanceof TaskQueryImpl query)) {
            return invocation.proceed();
        }
        MappedStatement statement = (MappedStatement) args[0];
        Total kept = scope.total;
        if (statement.getId().endsWith("." + COUNT_STATEMENT)) {
            // kept for one count only: the next one counts as the engine does
            scope.total = null;
            if (kept != null && kept.configuration() == statement.getConfiguration()
                    && kept.countKey().equals(countKey(statement, query))) {
                return List.of(kept.total());
            }
            return invocation.proceed();
        }
        if (!statement.getId().equals(TaskPagePlugin.PAGE_STATEMENT) || !TaskPagePlugin.paged(query)
                || args[3] != Executor.NO_RESULT_HANDLER) {
            return invocation.proceed();
        }
        scope.total = null;
        Executor executor = (Executor) invocation.getTarget();
        Configuration configuration = statement.getConfiguration();
        List<Map<String, Object>> ids = executor.query(configuration.getMappedStatement(IDS_STATEMENT), query,
                RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER);
        if (ids.isEmpty()) {
            // past the last task: no total to keep, the count counts
            return new ArrayList<TaskEntity>();
        }
        Map<String, Integer> positions = new HashMap<>();
        for (Map<String, Object> row : ids) {
            positions.put((String) column(row, "PAGE_ID_"), positions.size());
        }
        List<TaskEntity> rows = executor.query(configuration.getMappedStatement(ROWS_STATEMENT),
                Map.of("ids", new ArrayList<>(positions.keySet())), RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER);
        if (rows.size() != positions.size()) {
            // a task of the page ended between the two steps: the page as the engine reads it, and no total kept
            return invocation.proceed();
        }
        List<TaskEntity> page = new ArrayList<>(rows);
        page.sort(Comparator.comparing(task -> positions.get(task.getId())));
        MappedStatement count = configuration.getMappedStatement(COUNT_STATEMENT);
        scope.total = new Total(configuration, countKey(count, query),
                ((Number) column(ids.get(0), "PAGE_TOTAL_")).longValue());
        return page;
    }

    /** The count statement's SQL as bound to the query, with its values: equal keys, equal counts. */
    static String countKey(MappedStatement count, TaskQueryImpl query) {
        BoundSql bound = count.getBoundSql(query);
        MetaObject values = count.getConfiguration().newMetaObject(query);
        StringBuilder key = new StringBuilder(bound.getSql());
        for (ParameterMapping parameter : bound.getParameterMappings()) {
            String name = parameter.getProperty();
            Object value = bound.hasAdditionalParameter(name) ? bound.getAdditionalParameter(name) : values.getValue(name);
            // each value with its type and length, a date to the millisecond (its text keeps whole seconds only)
            String text = value instanceof Date date ? Long.toString(date.getTime()) : Objects.toString(value);
            key.append('\u0000').append(value == null ? "" : value.getClass().getName()).append('\u0000')
                    .append(text.length()).append(':').append(text);
        }
        return key.toString();
    }

    /** A column of a row read as a map, whatever case the database gives its label in. */
    private static Object column(Map<String, Object> row, String label) {
        Object value = row.get(label);
        if (value == null) {
            for (Map.Entry<String, Object> entry : row.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(label)) {
                    return entry.getValue();
                }
            }
        }
        return value;
    }

    /**
     * A request to the engine's REST API (or the webapps' engine API) for a HAL collection, which is a page and its
     * count, as a {@link #withinRequest} scope. Other requests (a plain JSON list, a count alone) read their pages by
     * the single statement, which costs one round trip less when no count follows.
     */
    static final class RequestScope extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String accept = request.getHeader("Accept");
            return accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("application/hal+json");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                withinRequest(() -> {
                    chain.doFilter(request, response);
                    return null;
                });
            } catch (ServletException | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        }
    }
}
