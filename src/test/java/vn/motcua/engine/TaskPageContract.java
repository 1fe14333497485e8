package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.WebappSession;

/**
 * A page of a task list read in two steps ({@link TaskPagePlugin}) holds the same tasks, in the same order, as the
 * engine's own statement gives for the same call: a Tasklist filter's page as an officer sees it, with the officer's
 * groups, grants and unit tenant; pages further down; the orderings Tasklist offers on the task's own columns; a task
 * found through two of the officer's groups (and so two grants) listed once; and a query ordered by a variable, which
 * keeps the engine's statement. Tasks of the same group in another unit's tenant stay out of both. Tasks due at the
 * same time are ordered by id, so that pages one after the other neither repeat nor skip one. Run on H2
 * ({@link TaskPageTest}) and on MariaDB ({@link MariaDbTaskPageTest}).
 */
abstract class TaskPageContract {

    static final String KEY = "taskPageContract";
    static final String UNIT = "phuongthuanhoa";
    static final String OTHER_UNIT = "phuongphuxuan";
    static final String SPECIALISTS = UNIT + "_specialists";
    static final String LEADERS = UNIT + "_leaders";
    static final String OFFICER = "chuyenvien.thuanhoa";
    static final int TASKS = 30;

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    private final List<String> instances = new ArrayList<>();

    @BeforeEach
    void openTasks() {
        for (String tenant : List.of(UNIT, OTHER_UNIT)) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).tenantIdIn(tenant).count() == 0) {
                repository.createDeployment().name("task page contract").tenantId(tenant).addModelInstance(KEY + ".bpmn",
                        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
                                .userTask("Task_open").name("Thẩm định hồ sơ").camundaCandidateGroups("${groups}")
                                .camundaDueDate("${due}").camundaPriority("${priority}")
                                .endEvent().done()).deploy();
            }
        }
        Date start = Date.from(OffsetDateTime.parse("2031-01-06T08:00+07:00").toInstant());
        for (int i = 0; i < TASKS; i++) {
            // the due dates and priorities in different orders, each one once
            Map<String, Object> variables = new HashMap<>();
            variables.put("due", new Date(start.getTime() + 3_600_000L * ((i * 7) % TASKS)));
            variables.put("priority", (i * 11) % TASKS);
            variables.put("rank", (i * 13) % TASKS);
            // a few tasks for both of the officer's groups, so found twice by the joins; a few for the leaders only
            variables.put("groups", i % 5 == 0 ? SPECIALISTS + "," + LEADERS : i % 7 == 0 ? LEADERS : SPECIALISTS);
            instances.add(runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(UNIT).setVariables(variables)
                    .execute().getId());
        }
        // the same group's name on tasks of another unit's tenant: never the officer's
        for (int i = 0; i < 3; i++) {
            instances.add(runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(OTHER_UNIT)
                    .setVariables(Map.of("due", start, "priority", 0, "rank", 0, "groups", SPECIALISTS))
                    .execute().getId());
        }
    }

    @AfterEach
    void closeTasks() {
        identity.clearAuthentication();
        for (String instance : instances) {
            runtime.deleteProcessInstance(instance, "task page contract", true, true);
        }
    }

    @Test
    void anOfficersFilterPagesHoldWhatTheEnginesStatementGives() {
        String filterId = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        asOfficer();
        for (int first : List.of(0, 5, 15, 25)) {
            List<String> ours = ids(filters.listPage(filterId, byDue(), first, 10));
            List<String> engines = withEnginesStatement(() -> ids(filters.listPage(filterId, byDue(), first, 10)));
            assertThat(ours).as("page from %d", first).isEqualTo(engines);
        }
        List<Task> all = filters.listPage(filterId, byDue(), 0, 100);
        // every task of the officer's two groups in his unit, each once, none of the other unit's
        assertThat(all).extracting(Task::getTenantId).containsOnly(UNIT);
        assertThat(ids(all)).doesNotHaveDuplicates().hasSize(TASKS);
        assertThat(all).extracting(Task::getDueDate).isSorted();
        assertThat(filters.count(filterId, byDue())).isEqualTo(TASKS);
    }

    @Test
    void theOrderingsTasklistOffersGiveTheEnginesPages() {
        asOfficer();
        List<Supplier<TaskQuery>> queries = List.of(
                () -> mine().orderByDueDate().desc(),
                () -> mine().orderByTaskPriority().desc().orderByDueDate().asc(),
                () -> mine().orderByTaskId().asc(),
                () -> mine().orderByTaskCreateTime().desc().orderByTaskId().asc(),
                () -> mine(),
                // ordered by a variable: the engine's statement, kept as it is
                () -> mine().orderByProcessVariable("rank", org.camunda.bpm.engine.variable.type.ValueType.INTEGER).asc());
        for (int q = 0; q < queries.size(); q++) {
            Supplier<TaskQuery> query = queries.get(q);
            for (int first : List.of(0, 12)) {
                List<String> ours = ids(query.get().listPage(first, 12));
                List<String> engines = withEnginesStatement(() -> ids(query.get().listPage(first, 12)));
                assertThat(ours).as("query %d from %d", q, first).hasSizeGreaterThan(0).isEqualTo(engines);
            }
        }
        assertThat(mine().orderByTaskPriority().desc().listPage(0, 5)).extracting(Task::getPriority)
                .containsExactly(29, 28, 27, 26, 25);
    }

    @Test
    void pagesOneAfterTheOtherNeitherRepeatNorSkipATaskDueAtTheSameTime() {
        Date start = Date.from(OffsetDateTime.parse("2031-01-06T08:00+07:00").toInstant());
        for (int i = 0; i < 20; i++) {
            // due at the first two hours, as some of the tasks opened before each test
            instances.add(runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(UNIT).setVariables(Map.of(
                    "due", new Date(start.getTime() + 3_600_000L * (i % 2)), "priority", 0, "rank", 0,
                    "groups", SPECIALISTS)).execute().getId());
        }
        asOfficer();
        List<Task> paged = new ArrayList<>();
        for (int first = 0; first < TASKS + 20; first += 7) {
            paged.addAll(mine().orderByDueDate().asc().listPage(first, 7));
        }
        assertThat(ids(paged)).doesNotHaveDuplicates().hasSize(TASKS + 20);
        for (int i = 1; i < paged.size(); i++) {
            Task before = paged.get(i - 1);
            Task after = paged.get(i);
            assertThat(before.getDueDate()).isBeforeOrEqualTo(after.getDueDate());
            if (before.getDueDate().equals(after.getDueDate())) {
                assertThat(before.getId()).as("tasks due at the same time, by id").isLessThan(after.getId());
            }
        }
    }

    @Test
    void aPageAndItsCountInOneRequestAreTheEnginesWithOnePassOverTheTasks() throws Exception {
        String filterId = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        asOfficer();
        List<Supplier<TaskQuery>> orders = List.of(this::byDue, () -> byDue().orderByTaskPriority().desc(),
                () -> tasks.createTaskQuery().processDefinitionKey(KEY).orderByTaskPriority().desc().orderByDueDate().asc(),
                () -> tasks.createTaskQuery().processDefinitionKey(KEY).orderByDueDate().desc().orderByTaskId().asc(),
                () -> tasks.createTaskQuery().processDefinitionKey(KEY));
        for (int q = 0; q < orders.size(); q++) {
            Supplier<TaskQuery> order = orders.get(q);
            for (int first : List.of(0, 10, 25)) {
                List<String> engines = withEnginesStatement(() -> ids(filters.listPage(filterId, order.get(), first, 10)));
                long enginesCount = withEnginesStatement(() -> filters.count(filterId, order.get()));
                int before = StatementCounts.COUNTS.get();
                Object[] ours = TaskPageCounts.withinRequest(() -> new Object[] {
                        ids(filters.listPage(filterId, order.get(), first, 10)), filters.count(filterId, order.get())});
                assertThat(ours[0]).as("query %d from %d", q, first).isEqualTo(engines);
                assertThat(ours[1]).as("count of query %d", q).isEqualTo(enginesCount).isEqualTo((long) TASKS);
                assertThat(StatementCounts.COUNTS.get() - before).as("count statements run for query %d from %d", q, first).isZero();
            }
        }
    }

    @Test
    void aCountThatIsNotThePagesOwnIsCountedByTheEngine() throws Exception {
        String filterId = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        asOfficer();
        int before = StatementCounts.COUNTS.get();
        long[] counts = TaskPageCounts.withinRequest(() -> {
            filters.listPage(filterId, byDue(), 0, 10);
            // another criterion after the page
            long urgent = filters.count(filterId, byDue().taskPriority(3));
            filters.listPage(filterId, byDue(), 0, 10);
            // the leaders only: another officer's groups, the same filter and criteria
            identity.setAuthentication("lanhdao.thuanhoa", List.of(LEADERS), List.of(UNIT));
            long leaders = filters.count(filterId, byDue());
            asOfficer();
            filters.listPage(filterId, byDue(), 0, 10);
            long kept = filters.count(filterId, byDue());
            // a task opened after the page's count was used: the next count counts it
            identity.clearAuthentication();
            instances.add(runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(UNIT).setVariables(Map.of(
                    "due", new Date(), "priority", 0, "rank", 0, "groups", SPECIALISTS)).execute().getId());
            asOfficer();
            long after = filters.count(filterId, byDue());
            return new long[] {urgent, leaders, kept, after, StatementCounts.COUNTS.get() - before};
        });
        long leadersOnly = withEnginesStatement(() -> {
            identity.setAuthentication("lanhdao.thuanhoa", List.of(LEADERS), List.of(UNIT));
            return filters.count(filterId, byDue());
        });
        assertThat(counts[0]).isEqualTo(1);
        assertThat(leadersOnly).isLessThan(TASKS);
        assertThat(counts[1]).isEqualTo(leadersOnly);
        assertThat(counts[2]).isEqualTo(TASKS);
        // the page's own count, and only that one, was answered without a count statement
        assertThat(counts[4]).as("count statements sent").isEqualTo(3);
        assertThat(counts[3]).isEqualTo(TASKS + 1);
    }

    @Test
    void aTaskEndedBetweenThePagesTwoStepsLeavesThePageAndCountAsTheEnginesGiveThem() throws Exception {
        String filterId = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        asOfficer();
        List<String> before = withEnginesStatement(() -> ids(filters.listPage(filterId, byDue(), 0, 10)));
        String ended = tasks.createTaskQuery().taskId(before.get(3)).singleResult().getProcessInstanceId();
        instances.remove(ended);
        // the task's process ends on another connection, after the page's ids were read and before its rows are
        StatementCounts.AFTER_PAGE_IDS.set(() -> {
            Thread other = new Thread(() -> runtime.deleteProcessInstance(ended, "task page contract", true, true));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int counts = StatementCounts.COUNTS.get();
        Object[] ours = TaskPageCounts.withinRequest(() -> new Object[] {
                ids(filters.listPage(filterId, byDue(), 0, 10)), filters.count(filterId, byDue())});
        assertThat(StatementCounts.AFTER_PAGE_IDS.get()).as("the change was made").isNull();
        List<String> engines = withEnginesStatement(() -> ids(filters.listPage(filterId, byDue(), 0, 10)));
        assertThat(engines).doesNotContain(before.get(3)).hasSize(10);
        assertThat(ours[0]).isEqualTo(engines);
        assertThat(ours[1]).isEqualTo((long) TASKS - 1);
        assertThat(StatementCounts.COUNTS.get() - counts).as("counted by the engine: no total kept").isEqualTo(1);
    }

    @Test
    void aPageAndItsCountThroughTheEngineRestApiAsTasklistAsksForThem() throws Exception {
        String filterId = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],"
                + "\"processDefinitionKey\":\"" + KEY + "\"}";
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", OFFICER, "demo")).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task").status()).isEqualTo(200);
        // the officer as his login authenticates him: his own groups and tenants
        identity.setAuthentication(OFFICER,
                identity.createGroupQuery().groupMember(OFFICER).list().stream().map(g -> g.getId()).toList(),
                identity.createTenantQuery().userMember(OFFICER).includingGroupsOfUser(true).list().stream()
                        .map(t -> t.getId()).toList());
        long enginesCount = withEnginesStatement(() -> filters.count(filterId, byDue()));
        assertThat(enginesCount).isBetween(15L, (long) TASKS);
        for (int first : List.of(0, 15, (int) enginesCount)) {
            List<String> engines = withEnginesStatement(() -> ids(filters.listPage(filterId, byDue(), first, 15)));
            int before = StatementCounts.COUNTS.get();
            int pages = StatementCounts.PAGE_IDS.get();
            WebappSession.Response listed = tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId
                    + "/list?firstResult=" + first + "&maxResults=15", body, "application/hal+json");
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            JsonNode hal = new ObjectMapper().readTree(listed.body());
            assertThat(hal.path("count").asLong()).as("count from %d", first).isEqualTo(enginesCount);
            List<String> ours = new ArrayList<>();
            hal.path("_embedded").path("task").forEach(task -> ours.add(task.path("id").asText()));
            assertThat(ours).as("page from %d", first).isEqualTo(engines);
            // a page with tasks on it brings its count; past the last task, the count is counted
            assertThat(StatementCounts.COUNTS.get() - before).as("count statements from %d", first).isEqualTo(engines.isEmpty() ? 1 : 0);
            assertThat(StatementCounts.PAGE_IDS.get() - pages).as("pages read with their total from %d", first).isEqualTo(1);
        }
        // a plain JSON list (no count follows): the page by the single statement, the same tasks
        int pages = StatementCounts.PAGE_IDS.get();
        WebappSession.Response json = tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15", body, "application/json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        new ObjectMapper().readTree(json.body()).forEach(task -> listed.add(task.path("id").asText()));
        assertThat(listed).isEqualTo(withEnginesStatement(() -> ids(filters.listPage(filterId, byDue(), 0, 15))));
        assertThat(StatementCounts.PAGE_IDS.get()).as("pages read with their total for a JSON list").isEqualTo(pages);
    }

    /** The officer as Tasklist authenticates him: his unit's specialists and leaders, his unit's tenant. */
    private void asOfficer() {
        identity.setAuthentication(OFFICER, List.of(SPECIALISTS, LEADERS), List.of(UNIT));
    }

    private TaskQuery byDue() {
        return tasks.createTaskQuery().processDefinitionKey(KEY).orderByDueDate().asc();
    }

    private TaskQuery mine() {
        return tasks.createTaskQuery().processDefinitionKey(KEY).taskCandidateGroupIn(List.of(SPECIALISTS, LEADERS))
                .includeAssignedTasks();
    }

    /** The same call through the engine's own statement, the page statement put back after. */
    private <T> T withEnginesStatement(Supplier<T> call) {
        DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDbSqlSessionFactory();
        Map<String, String> ours = sessions.getStatementMappings();
        assertThat(ours).containsEntry(TaskPagePlugin.ENGINE_STATEMENT, TaskPagePlugin.PAGE_STATEMENT);
        Map<String, String> engines = new HashMap<>(ours);
        engines.remove(TaskPagePlugin.ENGINE_STATEMENT);
        sessions.setStatementMappings(engines);
        try {
            return call.get();
        } finally {
            sessions.setStatementMappings(ours);
        }
    }

    private static List<String> ids(List<Task> page) {
        return page.stream().map(Task::getId).toList();
    }
}
