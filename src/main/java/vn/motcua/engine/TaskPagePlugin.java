package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A Tasklist filter's page of tasks, read without a temporary table of every matching task.
 *
 * <p>The engine reads a page of its task query as {@code select distinct <every task column> … order by … limit 15}:
 * to drop the duplicates its joins make (a task found through two of the caller's groups, or two grants), the
 * database keeps every matching task, with all its columns, in a temporary table, then sorts it and takes 15. At a
 * province's scale (10,000 open tasks in a unit, 100,000 in the city) that table outgrew MariaDB's memory limit for
 * temporary tables and went to disk: 130–200 ms for one page of *Việc của đơn vị*, more than half of the list's time.
 *
 * <p>Here a page is read in two steps ({@code TaskPage.xml}): the distinct ids of the page with only the columns the
 * page is ordered by, then the page's rows by id, in the same order. The query's conditions (candidate groups,
 * authorizations, tenants, the filter's criteria) are the engine's own fragment, included unchanged, so the page
 * holds the same tasks in the same order. Where the ordering has ties (tasks due at the same minute), which the
 * engine's statement leaves to the database, the tasks are ordered by their id as well, so that Tasklist's next page
 * neither repeats nor skips a task. Only a page (at most {@value #MAX_PAGE} rows) ordered by the task's own columns
 * is read so; a query ordered by a variable or a process definition, or a whole list, takes the engine's statement as
 * it is. On database types other than those of H2 and MariaDB, the databases the project runs on and is tested with,
 * the engine's statement is left alone. Within a request to the engine's REST API for a HAL collection (Tasklist's
 * list: a page and its count), a page is read with its total and the count that follows it is answered from that
 * ({@link TaskPageCounts}, registered here with the engine's MyBatis).
 */
@Component
public class TaskPagePlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskPagePlugin.class);

    static final String MAPPER = "vn/motcua/engine/TaskPage.xml";
    static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
    static final String PAGE_STATEMENT = "vn.motcua.engine.TaskPage.selectTaskPageByQueryCriteria";
    static final int MAX_PAGE = 1000;
    /** H2, and MariaDB, which the engine takes for MySQL through MariaDB Connector/J ("mysql") or calls "mariadb". */
    private static final Set<String> DATABASES = Set.of("h2", "mysql", "mariadb");

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!DATABASES.contains(configuration.getDatabaseType())) {
            log.info("Task pages are read by the engine's own statement on {}", configuration.getDatabaseType());
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        synchronized (mybatis) {
            if (!mybatis.isResourceLoaded(MAPPER)) {
                try (InputStream mapper = TaskPagePlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
                    if (mapper == null) {
                        throw new IllegalStateException(MAPPER + " is missing from the class path");
                    }
                    new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
                } catch (IOException e) {
                    throw new IllegalStateException("Could not read " + MAPPER, e);
                }
            }
        }
        if (windowFunctions(configuration)) {
            synchronized (mybatis) {
                if (mybatis.getInterceptors().stream().noneMatch(TaskPageCounts.class::isInstance)) {
                    mybatis.addInterceptor(new TaskPageCounts());
                }
            }
        } else {
            log.info("A task page and its count are read apart: the database has no window functions");
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = new HashMap<>();
        if (sessions.getStatementMappings() != null) {
            mappings.putAll(sessions.getStatementMappings());
        }
        mappings.put(ENGINE_STATEMENT, PAGE_STATEMENT);
        // a copy: the engine's own map is shared by every engine of the database type
        sessions.setStatementMappings(mappings);
    }

    /**
     * Whether the database counts a page's total with {@code count(*) over ()} ({@link TaskPageCounts}): H2 2, MariaDB
     * (10.2 on) and MySQL 8 do; MySQL 5.7, which the engine also calls "mysql", does not.
     */
    static boolean windowFunctions(ProcessEngineConfigurationImpl configuration) {
        if (!"mysql".equals(configuration.getDatabaseType())) {
            return true;
        }
        try (Connection connection = configuration.getDataSource().getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            return (database.getDatabaseProductName() + " " + database.getDatabaseProductVersion())
                    .toLowerCase(Locale.ROOT).contains("mariadb") || database.getDatabaseMajorVersion() >= 8;
        } catch (SQLException e) {
            log.warn("Could not tell whether the database has window functions: {}", e.toString());
            return false;
        }
    }

    /**
     * Whether the query is a page read in two steps: at most {@value #MAX_PAGE} rows, ordered by the task's own
     * columns only, named as the engine names them (called from {@code TaskPage.xml}).
     */
    public static boolean paged(TaskQueryImpl query) {
        if (query.getMaxResults() > MAX_PAGE || query.isTaskNameCaseInsensitive()) {
            return false;
        }
        for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
            if (!ordering.isContainedProperty() || ordering.getQueryProperty() == null
                    || ordering.getQueryProperty().getFunction() != null || ordering.getQueryProperty().getName() == null
                    || !ordering.getQueryProperty().getName().matches("[A-Z_]+")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The order of the ids' step's rows outside its {@code distinct}, by the columns {@link #orderColumns} names, in
     * the query's directions, then by id: {@code PAGE_0_ asc, PAGE_ID_ asc} (called from {@code TaskPage.xml}).
     */
    public static String pageOrder(TaskQueryImpl query) {
        List<String> columns = new ArrayList<>(orderedColumns(query));
        StringBuilder order = new StringBuilder();
        Set<String> ordered = new HashSet<>();
        for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
            String column = ordering.getQueryProperty().getName();
            // a column named twice is ordered by its first direction, as in the engine's "order by"
            if (ordered.add(column)) {
                order.append("PAGE_").append(columns.indexOf(column)).append("_ ")
                        .append("desc".equals(ordering.getDirection().getName()) ? "desc" : "asc").append(", ");
            }
        }
        return order.append("PAGE_ID_ asc").toString();
    }

    private static Set<String> orderedColumns(TaskQueryImpl query) {
        Set<String> columns = new LinkedHashSet<>();
        for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
            columns.add(ordering.getQueryProperty().getName());
        }
        return columns;
    }

    /**
     * The columns a page is ordered by, for the ids' step, which selects them so that its {@code distinct} may be
     * ordered by them: {@code , RES.DUE_DATE_ as PAGE_0_}… (called from {@code TaskPage.xml}).
     */
    public static String orderColumns(TaskQueryImpl query) {
        Set<String> columns = orderedColumns(query);
        StringBuilder select = new StringBuilder();
        int i = 0;
        for (String column : columns) {
            select.append(", RES.").append(column).append(" as PAGE_").append(i++).append('_');
        }
        return select.toString();
    }
}
