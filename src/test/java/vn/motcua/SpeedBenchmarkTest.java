package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * How fast Motcua is at a province's scale, in one run on one database (the test's H2 here; see
 * {@code MariaDbSpeedBenchmarkTest} for MariaDB):
 * <ol>
 * <li>intake ({@code POST /api/dossiers}), reception, appraisal and approval (each completed through
 * {@code POST /engine-rest/task/{id}/complete} by the unit's officer) against a bare start → user task → end
 * process deployed in the same engine, as throughput ratios, {@code benchmark.threads} client threads,
 * interleaved rounds; the intake's anchor is the bare start as an application serves it, an authenticated
 * {@code POST} over HTTP ({@link BareStart}), and the engine's own start in this JVM is printed beside it; before
 * each step, the officer opens each task's form as Tasklist does ({@code GET /engine-rest/task/{id}/form-variables},
 * where the dossier panel is built), against the bare task's form, a ratio of its own;</li>
 * <li>a specialist's <em>Việc của đơn vị</em> filter listed as Tasklist lists it
 * ({@code POST /engine-rest/filter/{id}/list}, HAL, 15 tasks sorted by due date) with
 * {@code benchmark.tasks} open tasks in the city seeded through the engine, {@code benchmark.unitTasks}
 * of them in the officer's group: p50 and p95 of {@code benchmark.listCalls} calls after
 * {@code benchmark.listWarmup} uncounted ones;</li>
 * <li>{@code benchmark.timers} step-overdue timers made due at once by moving the engine clock, run by the
 * job executor, timed to the last escalation mail (GreenMail), each dossier escalated and mailed exactly
 * once.</li>
 * </ol>
 * Not part of the normal build: {@code ./mvnw verify -Pbenchmark -Dtest=SpeedBenchmarkTest}; it prints its
 * figures on lines starting with {@code SPEED}.
 */
@Tag("benchmark")
// as @MotcuaTest, without the tests' statement counter (StatementCounts): a MyBatis interceptor that would wrap every
// statement the engine runs, the product's as the bare process's, and be measured with them
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"demo", "test"})
@Import({FaultInjection.class, Driver.class, SpeedBenchmarkTest.BareStart.class})
@ContextConfiguration(initializers = MailServer.Initializer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpeedBenchmarkTest {

    static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    static final int OPS = Integer.getInteger("benchmark.ops", 200);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    /** Operations per side in the uncounted warm-up round; by default a tenth of a round's, at least one per thread. */
    static final int WARMUP = Integer.getInteger("benchmark.warmup", -1);
    static final int TASKS = Integer.getInteger("benchmark.tasks", 100_000);
    static final int UNIT_TASKS = Integer.getInteger("benchmark.unitTasks", 10_000);
    static final int TIMERS = Integer.getInteger("benchmark.timers", 10_000);
    static final int LIST_CALLS = Integer.getInteger("benchmark.listCalls", 50);
    static final int LIST_WARMUP = Integer.getInteger("benchmark.listWarmup", 30);

    /** Household business registration: received, appraised and approved at UBND phường Thuận Hóa. */
    static final String HOUSEHOLD_BUSINESS = "1.001612";
    static final String UNIT = "phuongthuanhoa";
    static final String BARE = "benchBare";
    static final String OPEN_TASK = "benchOpenTask";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired FilterService filters;
    @Autowired Dossiers dossiers;
    @Autowired Catalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;
    @Autowired TransactionTemplate transactions;
    @Autowired MailServer mail;
    @LocalServerPort int port;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    // ------------------------------------------------------------------ 1. throughput against the bare engine

    @Test
    @Order(1)
    void stepsAgainstTheBareEngine() throws Exception {
        // the engine as the product builds it: no test instrument in front of its statements
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
                .getConfiguration().getInterceptors()).extracting(i -> i.getClass().getName())
                .noneMatch(name -> name.contains("StatementCounts"));
        deployOnce(BARE, Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(3650).startEvent()
                .userTask("Task_bare").camundaCandidateGroups(UNIT + "_reception").endEvent().done(), List.of(UNIT));
        Api counter = Api.at(port).as("tiepnhan.thuanhoa", "demo");
        Api specialist = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        Api leader = Api.at(port).as("lanhdao.thuanhoa", "demo");
        Map<String, List<Double>> ratios = new java.util.LinkedHashMap<>();
        Map<String, List<Double>> anchors = new java.util.LinkedHashMap<>();
        AtomicInteger bareKeys = new AtomicInteger();
        // warm-up, not counted
        runRound(counter, specialist, leader, WARMUP >= 0 ? WARMUP : Math.max(THREADS, OPS / 10), bareKeys, true, null,
                null);
        for (int round = 0; round < ROUNDS; round++) {
            runRound(counter, specialist, leader, OPS, bareKeys, round % 2 == 0, ratios, anchors);
        }
        for (String what : ratios.keySet()) {
            List<Double> r = ratios.get(what);
            List<Double> a = anchors.get(what);
            System.out.printf("SPEED %-10s bare %5.1f–%5.1f /s, Motcua %.2f–%.2f× of it (%s), %d threads,"
                    + " %d rounds of %d%n", what, Collections.min(a), Collections.max(a), Collections.min(r),
                    Collections.max(r), what.endsWith(" form") ? "opening the task's form, no goal" : "goal ≥ 0.8×",
                    THREADS, ROUNDS, OPS);
        }
        System.out.printf("SPEED failed requests under load: %d%n", FAILURES.get());
        engineCostPerDossier();
    }

    private void runRound(Api counter, Api specialist, Api leader, int ops, AtomicInteger bareKeys, boolean bareFirst,
            Map<String, List<Double>> ratios, Map<String, List<Double>> anchors) throws Exception {
        // bare instances to complete in the three step phases, started untimed
        startBare(3 * ops, bareKeys);
        List<String> bareTasks = new ArrayList<>(tasks.createTaskQuery().processDefinitionKey(BARE).list().stream()
                .map(Task::getId).toList());
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.Callable<Double> ourIntake = () -> rate("intake", ops, i -> {
            Api.Response filed = counter.post("/api/dossiers", intake("Hộ kinh doanh " + i));
            if (filed.status() == 201) {
                codes.add(filed.json().get("code").asText());
            } else {
                failed(filed);
            }
        });
        // the anchor as a bare application serves it: an authenticated HTTP request that starts the bare process
        double[] pair = compare(bareFirst, () -> rate("bare start over HTTP", ops, i -> {
            Api.Response started = counter.post(BareStart.PATH, bareVariables(bareKeys.incrementAndGet()));
            if (started.status() != 201) {
                failed(started);
            }
        }), ourIntake);
        record(ratios, anchors, "intake", pair);
        // and the engine's own start, in this JVM without HTTP: what the engine alone does, against the intake's
        // whole request (not timed against a second round of intakes: the ratio divides the same intake rate)
        if (ratios != null) {
            double engineAlone = rate("bare start in the JVM", ops, i -> startBare(1, bareKeys));
            record(ratios, anchors, "intake vs engine alone", new double[] {engineAlone, pair[1]});
        }
        String[][] steps = {{"reception", "Task_receptionCheck"}, {"appraisal", "Task_appraise"},
                {"approval", "Task_approve"}};
        Api[] officers = {counter, specialist, leader};
        for (int s = 0; s < steps.length; s++) {
            List<String> ours = taskIds(codes, steps[s][1]);
            int n = ours.size();
            List<String> bare = bareTasks.subList(s * ops, (s + 1) * ops);
            Api officer = officers[s];
            String step = steps[s][0];
            // the officer opens the task's form first, as Tasklist does (its variables, the dossier panel among them,
            // built at this moment); the bare task's form has the instance's six variables
            pair = compare(bareFirst, () -> rate("bare form", n, i -> readForm(counter, bare.get(i))),
                    () -> rate(step + " form", n, i -> readForm(officer, ours.get(i))));
            record(ratios, anchors, steps[s][0] + " form", pair);
            pair = compare(bareFirst, () -> rate("bare task", n, i -> complete(counter, bare.get(i), Map.of())),
                    () -> rate(step, n, i -> complete(officer, ours.get(i),
                            Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))))));
            record(ratios, anchors, steps[s][0], pair);
        }
    }

    /** A bare start with six variables, as the bare application starts its instances (no authenticated user). */
    private void startBare(int count, AtomicInteger keys) {
        for (int i = 0; i < count; i++) {
            BareStart.start(runtime, bareVariables(keys.incrementAndGet()));
        }
    }

    private static Map<String, Object> bareVariables(int key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", "Công dân " + key);
        variables.put("idNumber", "046" + (100_000_000 + key));
        variables.put("phone", "0905000000");
        variables.put("email", "bare" + key + "@example.com");
        variables.put("address", "Huế");
        variables.put("procedureCode", HOUSEHOLD_BUSINESS);
        return variables;
    }

    /**
     * The bare application's start over HTTP, for the intake's anchor: {@code POST} {@value #PATH} with the six
     * variables as a JSON object, behind the application's own security chain (Basic, as the counter officer),
     * answering 201 with the instance id; the engine starts the bare process without an authenticated user, as a
     * bare application (authorizations off) does. Only in the benchmark's context ({@code @Import}); component
     * scanning leaves classes nested in test classes alone.
     */
    @RestController
    static class BareStart {

        static final String PATH = "/api/test/bare-start";

        private final RuntimeService runtime;

        BareStart(RuntimeService runtime) {
            this.runtime = runtime;
        }

        @PostMapping(PATH)
        ResponseEntity<Map<String, String>> start(@RequestBody Map<String, Object> variables) {
            return ResponseEntity.status(201).body(Map.of("id", start(runtime, variables)));
        }

        static String start(RuntimeService runtime, Map<String, Object> variables) {
            return runtime.createProcessInstanceByKey(BARE).processDefinitionTenantId(UNIT).setVariables(variables)
                    .execute().getId();
        }
    }

    /** A household business filed at the counter of UBND phường Thuận Hóa, as {@code POST /api/dossiers} takes it. */
    static Map<String, Object> intake(String businessName) {
        return Map.of("procedureCode", HOUSEHOLD_BUSINESS, "channel", "COUNTER", "returnMethod", "COUNTER", "sets", 1,
                "applicant", Map.of("fullName", "Nguyễn Văn An", "idNumber", "046090001234", "phone", "0905123456",
                        "email", "an@example.com", "address", "5 Hùng Vương, phường Thuận Hóa, Huế"),
                "formData", Map.of("businessName", businessName, "businessAddress", "5 Hùng Vương, Huế",
                        "businessLines", "Bán lẻ", "capital", "100000000"));
    }

    /** The task's form variables as Tasklist reads them when an officer opens the task. */
    private static void readForm(Api officer, String taskId) {
        Api.Response form = officer.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
        if (form.status() != 200) {
            failed(form);
        }
    }

    private static void complete(Api officer, String taskId, Map<String, Object> body) {
        Api.Response done = officer.post("/engine-rest/task/" + taskId + "/complete", body);
        if (done.status() != 204) {
            failed(done);
        }
    }

    static final AtomicInteger FAILURES = new AtomicInteger();

    /** A request that failed under load: counted and shown once, the run goes on. */
    private static void failed(Api.Response response) {
        if (FAILURES.getAndIncrement() < 3) {
            System.out.printf("SPEED failed request: %d %s%n", response.status(),
                    response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private List<String> taskIds(List<String> codes, String step) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += 500) {
            List<String> part = codes.subList(i, Math.min(codes.size(), i + 500));
            ids.addAll(tasks.createTaskQuery().processInstanceBusinessKeyIn(part.toArray(String[]::new))
                    .taskDefinitionKey(step).list().stream().map(Task::getId).toList());
        }
        return ids;
    }

    private static double[] compare(boolean bareFirst, java.util.concurrent.Callable<Double> bare,
            java.util.concurrent.Callable<Double> ours) throws Exception {
        double b;
        double o;
        if (bareFirst) {
            b = bare.call();
            o = ours.call();
        } else {
            o = ours.call();
            b = bare.call();
        }
        return new double[] {b, o};
    }

    private static void record(Map<String, List<Double>> ratios, Map<String, List<Double>> anchors, String what,
            double[] pair) {
        if (ratios == null) {
            return;
        }
        anchors.computeIfAbsent(what, k -> new ArrayList<>()).add(pair[0]);
        ratios.computeIfAbsent(what, k -> new ArrayList<>()).add(pair[1] / pair[0]);
    }

    /** Runs ops operations on THREADS threads; answers operations per second. */
    private static double rate(String what, int ops, IntConsumer op) throws Exception {
        // marks in the output (with the time of day), to count the SQL statements of each phase when the SQL is
        // logged, or to pick a phase's samples out of a flight recording
        System.out.printf("SPEED-MARK %s %d at %s%n", what, ops, java.time.LocalTime.now());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ops; i = next.getAndIncrement()) {
                        op.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double perSecond = ops / ((System.nanoTime() - start) / 1e9);
        System.out.printf("SPEED-MARK end at %s%n", java.time.LocalTime.now());
        return perSecond;
    }

    /** What one dossier of this run cost the engine: instances, jobs and history rows (from the database). */
    private void engineCostPerDossier() {
        long dossierCount = jdbc.queryForObject("select count(*) from dossier", Long.class);
        String[][] counts = {{"process instances", "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ not in ('"
                + BARE + "','" + OPEN_TASK + "')"},
                {"jobs now", "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ is not null and PROCESS_DEF_KEY_ not in ('"
                        + BARE + "')"},
                {"job log rows", "select count(*) from ACT_HI_JOB_LOG"},
                {"history activity rows", "select count(*) from ACT_HI_ACTINST where PROC_DEF_KEY_ not in ('" + BARE
                        + "')"},
                {"history variable rows", "select count(*) from ACT_HI_VARINST v join ACT_HI_PROCINST p on"
                        + " v.PROC_INST_ID_ = p.ID_ where p.PROC_DEF_KEY_ not in ('" + BARE + "')"},
                {"history detail rows", "select count(*) from ACT_HI_DETAIL d join ACT_HI_PROCINST p on"
                        + " d.PROC_INST_ID_ = p.ID_ where p.PROC_DEF_KEY_ not in ('" + BARE + "')"},
                {"authorizations", "select count(*) from ACT_RU_AUTHORIZATION"}};
        for (String[] count : counts) {
            long n = jdbc.queryForObject(count[1], Long.class);
            System.out.printf("SPEED engine cost: %,d %s for %,d dossiers (%.1f per dossier)%n", n, count[0],
                    dossierCount, n / (double) Math.max(1, dossierCount));
        }
    }

    // ------------------------------------------------------------------ 2. the officer's task list

    @Test
    @Order(2)
    void anOfficersTaskListAmongManyOpenTasks() throws Exception {
        List<Unit> units = catalog.units();
        List<String> tenants = units.stream().map(Unit::getKey).toList();
        deployOnce(OPEN_TASK, Bpmn.createExecutableProcess(OPEN_TASK).camundaHistoryTimeToLive(3650).startEvent()
                .userTask("Task_appraise").name("Thẩm định hồ sơ").camundaCandidateGroups("${group}")
                .camundaDueDate("${due}")
                // the card's variables on the task itself, as the dossier's facts are on every task of ours
                .camundaTaskListenerExpression("create", "${task.setVariableLocal('dossierCode', dossierCode)}")
                .camundaTaskListenerExpression("create", "${task.setVariableLocal('applicantName', applicantName)}")
                .camundaTaskListenerExpression("create", "${task.setVariableLocal('procedureName', procedureName)}")
                .endEvent().done(), tenants);
        List<String[]> elsewhere = new ArrayList<>();
        for (Unit unit : units) {
            for (Role role : List.of(Role.RECEPTION, Role.SPECIALISTS, Role.LEADERS)) {
                if (!(unit.getKey().equals(UNIT) && role == Role.SPECIALISTS)) {
                    elsewhere.add(new String[] {unit.getKey(), unit.group(role)});
                }
            }
        }
        long already = tasks.createTaskQuery().processDefinitionKey(OPEN_TASK).count();
        long seeding = System.nanoTime();
        int toSeed = (int) Math.max(0, TASKS - already);
        seed(toSeed, (int) already, elsewhere);
        double seconds = (System.nanoTime() - seeding) / 1e9;
        System.out.printf("SPEED seeded %,d open tasks through the engine (%,d in %s_specialists) in %.0f s (%.0f /s)%n",
                toSeed, UNIT_TASKS, UNIT, seconds, toSeed / Math.max(seconds, 1e-9));

        String filterId = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        String auth = "Basic " + Base64.getEncoder().encodeToString("chuyenvien.thuanhoa:demo".getBytes(StandardCharsets.UTF_8));
        String listBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
        System.out.printf("SPEED-MARK task list %d%n", LIST_WARMUP + LIST_CALLS);
        long[] list = timeCalls(() -> {
            HttpResponse<String> listed = post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                    auth, "application/hal+json", listBody);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            // the cards with their variables (code, applicant), as Tasklist shows them
            assertThat(listed.body()).contains("\"_embedded\"").contains("\"task\"").contains("BENCH-T-")
                    .contains("Công dân");
        });
        System.out.printf("SPEED-MARK end%nSPEED-MARK task count %d%n", LIST_WARMUP + LIST_CALLS);
        long[] count = timeCalls(() -> {
            HttpResponse<String> counted = post("/engine-rest/filter/" + filterId + "/count", auth, "application/json", "{}");
            assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
            long n = Long.parseLong(counted.body().replaceAll("\\D", ""));
            assertThat(n).isGreaterThanOrEqualTo(UNIT_TASKS);
        });
        System.out.printf("SPEED-MARK end%nSPEED-MARK tasklist session %d%n", LIST_WARMUP + LIST_CALLS);
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "chuyenvien.thuanhoa", "demo")).isEqualTo(200);
        // Tasklist's first call after its login: its filters (which also hands the new session its CSRF token)
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task").status()).isEqualTo(200);
        long[] session = timeCalls(() -> {
            WebappSession.Response listed = tasklist.post("/camunda/api/engine/engine/default/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15", listBody, "application/hal+json");
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).contains("\"_embedded\"").contains("\"task\"").contains("BENCH-T-")
                    .contains("Công dân");
        });
        System.out.printf("SPEED-MARK end at %s%n", java.time.LocalTime.now());
        System.out.printf("SPEED task list as Tasklist asks for it (its session, /camunda/api/engine): p50 %d ms,"
                + " p95 %d ms%n", percentile(session, 50), percentile(session, 95));
        long cityOpen = tasks.createTaskQuery().count();
        System.out.printf("SPEED task list (Việc của đơn vị, chuyenvien.thuanhoa, 15 by due date), %,d open tasks in the"
                + " city, %,d in the unit: p50 %d ms, p95 %d ms (goal p95 < 100 ms); count p50 %d ms, p95 %d ms%n",
                cityOpen, UNIT_TASKS, percentile(list, 50), percentile(list, 95), percentile(count, 50),
                percentile(count, 95));
    }

    private void seed(int count, int offset, List<String[]> elsewhere) throws Exception {
        Date due = Date.from(OffsetDateTime.parse("2027-03-01T09:00+07:00").toInstant());
        int unitShare = Math.min(UNIT_TASKS, count);
        int batch = 250;
        int batches = (count + batch - 1) / batch;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                workers.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        int from = b * batch;
                        int to = Math.min(count, from + batch);
                        transactions.executeWithoutResult(status -> {
                            for (int i = from; i < to; i++) {
                                // the officer's unit's tasks spread over the list, not only at its end
                                boolean ours = i % Math.max(1, count / Math.max(1, unitShare)) == 0
                                        && i / Math.max(1, count / Math.max(1, unitShare)) < unitShare;
                                String[] where = ours ? new String[] {UNIT, UNIT + "_specialists"}
                                        : elsewhere.get(i % elsewhere.size());
                                int n = offset + i;
                                Map<String, Object> variables = new HashMap<>();
                                variables.put("group", where[1]);
                                variables.put("due", new Date(due.getTime() + 60_000L * (n % 20_000)));
                                variables.put("dossierCode", "BENCH-T-" + n);
                                variables.put("applicantName", "Công dân " + n);
                                variables.put("procedureName", "Đăng ký thành lập hộ kinh doanh");
                                runtime.createProcessInstanceByKey(OPEN_TASK).processDefinitionTenantId(where[0])
                                        .setVariables(variables).execute();
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tasks.createTaskQuery().processDefinitionKey(OPEN_TASK).taskCandidateGroup(UNIT + "_specialists")
                .count()).isGreaterThanOrEqualTo(unitShare);
    }

    private HttpResponse<String> post(String path, String authorization, String accept, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", authorization).header("Accept", accept)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] timeCalls(Runnable call) {
        // uncounted calls first, so that the figures are those of a node that has served lists before (the JIT
        // compiler has compiled the list's path), not of the first calls after its start
        for (int i = 0; i < LIST_WARMUP; i++) {
            call.run();
        }
        long[] ms = new long[LIST_CALLS];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    // ------------------------------------------------------------------ 3. many step-overdue timers at once

    @Test
    @Order(3)
    void manyOverdueStepsEscalateOnceEach() throws Exception {
        // Monday 24 Nov 2025, 09:00: the counter has one working day to check each dossier (due Tue 09:00). A ward's
        // code has four digits a day (9,999 dossiers), so beyond 9,000 the earlier ones are filed on the working days
        // before (Friday 21, Thursday 20 …, due on the next working morning): with the job executor stopped, every
        // reception step is overdue at the moment the clock moves to Tuesday 09:05
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        long filing = System.nanoTime();
        String[] days = {"2025-11-24", "2025-11-21", "2025-11-20", "2025-11-19", "2025-11-18"};
        int perDay = 9_000;
        int chunks = (TIMERS + perDay - 1) / perDay;
        assertThat(chunks).as("at most %d timers", perDay * days.length).isLessThanOrEqualTo(days.length);
        for (int chunk = chunks - 1; chunk >= 0; chunk--) {
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(days[chunk] + "T09:00+07:00").toInstant()));
            int from = chunk * perDay;
            int to = Math.min(TIMERS, from + perDay);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger(from);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    workers.add(pool.submit(() -> {
                        Staff.actAs("tiepnhan.thuanhoa", UNIT + "_reception");
                        try {
                            for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                                codes.add(dossiers.intake(new IntakeRequest(HOUSEHOLD_BUSINESS, Channel.COUNTER,
                                        new IntakeRequest.ApplicantData("Lê Thị Hạn " + i, "046190001234",
                                                "0905123456", "han" + i + "@example.com",
                                                "5 Hùng Vương, phường Thuận Hóa, Huế"), Map.of())).getCode());
                            }
                        } finally {
                            Staff.clear();
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.printf("SPEED filed %,d dossiers for the timers in %.0f s%n", TIMERS,
                (System.nanoTime() - filing) / 1e9);

        // only the step-overdue timers run: the citizens' notices wait (their job definitions suspended), and so do the
        // due-soon warnings of the same steps (their timer jobs suspended), which fall due at the same moment
        List<JobDefinition> held = management.createJobDefinitionQuery().processDefinitionKey("citizenNotice").list();
        held.forEach(d -> management.suspendJobDefinitionById(d.getId(), true));
        List<String> dueSoon = jdbc.queryForList("select ID_ from ACT_RU_JOB where HANDLER_CFG_ like '%DueSoon%'",
                String.class);
        dueSoon.forEach(management::suspendJobById);
        System.out.printf("SPEED held back: %,d due-soon warnings, the citizens' notices%n", dueSoon.size());
        mail.purge();
        String supervisor = "giamsat.thuanhoa@motcua.test";

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-25T09:05+07:00").toInstant()));
        Map<String, Long> due = jdbc.queryForList("select coalesce(j.PROCESS_DEF_KEY_, '-') as k, count(*) as n"
                + " from ACT_RU_JOB j where j.SUSPENSION_STATE_ = 1 and (j.DUEDATE_ is null or j.DUEDATE_ <= ?)"
                + " group by j.PROCESS_DEF_KEY_", ClockUtil.getCurrentTime()).stream()
                .collect(Collectors.toMap(r -> (String) r.get("k"), r -> ((Number) r.get("n")).longValue()));
        System.out.printf("SPEED due jobs at the moment the clock moves: %s%n", due);
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        // the job executor as the application runs it: the tests' profile turns the application's off, and the
        // engine's own stands in (up to 10 threads by default); it takes the application's settings
        // (camunda.bpm.job-execution in application.yml) instead
        String settings = "camunda.bpm.job-execution.";
        assertThat(executor).isInstanceOf(DefaultJobExecutor.class);
        DefaultJobExecutor own = (DefaultJobExecutor) executor;
        own.setCorePoolSize(environment.getRequiredProperty(settings + "core-pool-size", Integer.class));
        own.setMaxPoolSize(environment.getRequiredProperty(settings + "max-pool-size", Integer.class));
        own.setQueueSize(environment.getRequiredProperty(settings + "queue-capacity", Integer.class));
        own.setMaxJobsPerAcquisition(environment.getRequiredProperty(settings + "max-jobs-per-acquisition",
                Integer.class));
        own.setLockTimeInMillis(environment.getRequiredProperty(settings + "lock-time-in-millis", Integer.class));
        own.setMaxWait(environment.getRequiredProperty(settings + "max-wait", Long.class));
        System.out.printf("SPEED job executor: %d to %d threads, queue %d, %d jobs per acquisition%n",
                own.getCorePoolSize(), own.getMaxPoolSize(), own.getQueueSize(), own.getMaxJobsPerAcquisition());
        long start = System.nanoTime();
        executor.start();
        long lastMail = 0;
        int seen = 0;
        try {
            long limit = start + Duration.ofMinutes(Long.getLong("benchmark.timerMinutes", 15)).toNanos();
            while (System.nanoTime() < limit) {
                // the mails the SMTP server has accepted, as the mail log records them (cheap to ask; reading back
                // every message from the test's mail server each time would take the processors from the engine);
                // what the server received is checked once at the end
                int now = jdbc.queryForObject("select count(*) from mail_log where idempotency_key like"
                        + " 'step-overdue:%'", Integer.class);
                if (now != seen) {
                    seen = now;
                    lastMail = System.nanoTime();
                }
                if (seen >= TIMERS && openJobs() == 0) {
                    break;
                }
                Thread.sleep(250);
            }
        } finally {
            executor.shutdown();
            held.forEach(d -> management.activateJobDefinitionById(d.getId(), true));
            dueSoon.forEach(management::activateJobById);
        }
        double seconds = (lastMail - start) / 1e9;
        // exactly once: one escalation row and one mail per dossier, no job left failing
        List<MimeMessage> overdue = mail.everyCopyTo(supervisor).stream()
                .filter(m -> MailServer.subject(m).contains("đã quá hạn ở bước")).toList();
        Map<String, Integer> mailsPerDossier = new ConcurrentHashMap<>();
        for (MimeMessage message : overdue) {
            String subject = MailServer.subject(message);
            for (String word : subject.split(" ")) {
                if (word.startsWith("000.")) {
                    mailsPerDossier.merge(word, 1, Integer::sum);
                }
            }
        }
        Map<String, Long> escalationsPerDossier = jdbc.queryForList("select dossier_code as c, count(*) as n from"
                + " escalation where step_key = 'receptionCheck' group by dossier_code").stream()
                .collect(Collectors.toMap(r -> (String) r.get("c"), r -> ((Number) r.get("n")).longValue()));
        long failing = jdbc.queryForObject("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null", Long.class);
        System.out.printf("SPEED %,d step-overdue timers due at once: last escalation mail after %.1f s (%.1f /s; goal"
                + " %,d within 120 s), %,d mails to %s, %,d failing jobs%n", TIMERS, seconds, TIMERS / seconds,
                TIMERS, overdue.size(), supervisor, failing);
        for (String code : codes) {
            assertThat(mailsPerDossier.get(code)).as("escalation mails for %s", code).isEqualTo(1);
            assertThat(escalationsPerDossier.get(code)).as("escalations of %s", code).isEqualTo(1L);
        }
        assertThat(overdue).hasSize(TIMERS);
        assertThat(failing).isZero();
    }

    private long openJobs() {
        return jdbc.queryForObject("select count(*) from ACT_RU_JOB where SUSPENSION_STATE_ = 1 and RETRIES_ > 0"
                + " and (DUEDATE_ is null or DUEDATE_ <= ?)", Long.class, ClockUtil.getCurrentTime());
    }

    // ------------------------------------------------------------------ helpers

    private void deployOnce(String key, BpmnModelInstance model, List<String> tenants) {
        for (String tenant : tenants) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(tenant).count() == 0) {
                repository.createDeployment().name("benchmark " + key).tenantId(tenant)
                        .addModelInstance(key + ".bpmn", model).deploy();
            }
        }
    }
}
