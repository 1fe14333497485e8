package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.calendar.CalendarChanged;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * Two application instances on one fresh MariaDB database, started at the same moment (two Spring contexts in this
 * JVM, each with its own web server, connection pool, engine and job executor; they share the engine clock, as
 * nodes share NTP time, and one in-process SMTP server). In order: both come up on the empty database; intakes
 * through both get unique gapless codes; a day off added through one moves the next due date on the other, and the
 * open deadlines are recalculated by that one only; the public filing limit holds across both; a webapp session
 * opened on one works on the other; 300 overdue steps made due at once are escalated once each by the two job
 * executors together, each overdue mail reaching the SMTP server once; 50 receipts through an SMTP outage reach
 * each citizen once; and a node that dies holding locked jobs leaves them to the other within the lock time.
 * Figures are printed as {@code [two nodes] …}.
 */
@Tag("mariadb")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final String SERVER = System.getProperty("motcua.test.mariadb.server", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getProperty("motcua.test.mariadb.user", "root");
    static final String PASSWORD = System.getProperty("motcua.test.mariadb.password", "");
    static final String DATABASE = "nodes_two_nodes_it";

    /** Building permit with a site inspection at UBND phường Phú Xuân: 7 working days, appraisal 16 h. */
    static final String SITE_PERMIT = "1.013225";
    static final String PHUXUAN_SUPERVISOR = "giamsat.phuxuan@motcua.test";
    /** Enterprise registration at the city's centre. */
    static final String ENTERPRISE = "2.001610";
    /** Birth registration, filed online at UBND phường Thuận Hóa. */
    static final String BIRTH = "1.001193";
    static final int OVERDUE = 300;
    static final int OUTAGE = 50;
    static final long LOCK_TIME_MILLIS = 120_000;

    final MailServer mail = new MailServer();
    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    ProcessEngine previousDefault;
    final Map<ConfigurableApplicationContext, List<CalendarChanged>> calendarChanges = new LinkedHashMap<>();
    final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    void startTwoNodesAtOnce() throws Exception {
        sql("drop database if exists " + DATABASE,
                "create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
        previousDefault = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
        clock("2025-11-24T08:00+07:00");
        Path shared = Path.of(System.getProperty("motcua.target", "target"), "two-nodes",
                UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        ExecutorService starters = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        long started = System.nanoTime();
        try {
            Future<ConfigurableApplicationContext> one = starters.submit(() -> start("node-a", shared, go));
            Future<ConfigurableApplicationContext> two = starters.submit(() -> start("node-b", shared, go));
            go.countDown();
            a = one.get(10, TimeUnit.MINUTES);
            b = two.get(10, TimeUnit.MINUTES);
        } finally {
            starters.shutdownNow();
        }
        figure("both nodes started together on an empty database", seconds(started));
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            List<CalendarChanged> seen = new CopyOnWriteArrayList<>();
            node.addApplicationListener((ApplicationListener<PayloadApplicationEvent<CalendarChanged>>) e ->
                    seen.add(e.getPayload()));
            calendarChanges.put(node, seen);
        }
    }

    private ConfigurableApplicationContext start(String name, Path shared, CountDownLatch go) throws InterruptedException {
        go.await();
        return new SpringApplicationBuilder(MotcuaApplication.class)
                .profiles("demo", "mariadb")
                .initializers(new MailServer.Initializer())
                .run("--server.port=0",
                        "--spring.datasource.url=" + SERVER + DATABASE,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD,
                        "--motcua.demo.allow-on-production-database=true",
                        "--motcua.cluster.node-name=" + name,
                        "--camunda.bpm.generic-properties.properties.hostname=" + name,
                        // the folders every node must share
                        "--motcua.attachments.folder=" + shared.resolve("attachments"),
                        "--motcua.mail.outbox=" + shared.resolve("outbox"),
                        // each test client gives its own address (X-Forwarded-For from loopback, as from the proxy)
                        "--server.forward-headers-strategy=native",
                        "--logging.level.vn.motcua.mail=warn",
                        "--logging.level.org.camunda.bpm.engine.jobexecutor=warn",
                        "--logging.level.org.camunda.bpm.engine.context=off");
    }

    @AfterAll
    void stop() throws SQLException {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {b, a}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (previousDefault != null) {
            ProcessEngines.registerProcessEngine(previousDefault);
        }
        ClockUtil.reset();
        mail.purge();
        figures.forEach((what, value) -> System.out.println("[two nodes] " + what + ": " + value));
        sql("drop database if exists " + DATABASE);
    }

    @Test
    @Order(1)
    void bothNodesAreUpAndSetUpOnce() throws SQLException {
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            Api.Response ready = api(node).get("/actuator/health/readiness");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        }
        JdbcTemplate jdbc = jdbc(a);
        // one deployment, one version of each process, one of each shared filter with one grant to everyone
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class)).isOne();
        assertThat(jdbc.queryForObject("select max(VERSION_) from ACT_RE_PROCDEF", Long.class)).isOne();
        List<Map<String, Object>> filters = jdbc.queryForList(
                "select NAME_, count(*) as N from ACT_RU_FILTER group by NAME_");
        assertThat(filters).hasSize(6).allSatisfy(f -> assertThat(((Number) f.get("N")).longValue()).isOne());
        // each filter: its grant to everyone, and the engine's own grant to its owner
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 5"
                + " and RESOURCE_ID_ <> '*' and USER_ID_ = '*'", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 5"
                + " and RESOURCE_ID_ <> '*'", Long.class)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = 'giamsat.phuxuan'",
                Long.class)).isOne();
        // the official days imported once (the version moved once) and the deadlines recalculated once
        assertThat(jdbc.queryForMap("select version, recalculated from calendar_version where id = 1"))
                .containsEntry("version", 1L).containsEntry("recalculated", 1L);
        assertThat(jdbc.queryForList("select lock_name from cluster_lock", String.class))
                .contains("engine-schema", "catalog", "calendar", "identity");
        assertThat(jdbc.queryForList("select holder from cluster_lock", String.class)).isSubsetOf("node-a", "node-b");
        // Flyway ran once, the other node found the migrations in place
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1 and version = '14'",
                Long.class)).isOne();
    }

    @Test
    @Order(2)
    void intakesThroughBothNodesGetUniqueGaplessCodes() throws Exception {
        clock("2025-11-24T09:00+07:00");
        int perNode = 20;
        long started = System.nanoTime();
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 2 * perNode; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
            String name = "Người nộp " + i;
            String email = "intake-" + i + "@example.com";
            calls.add(() -> api(node).as("tiepnhan.hcc", "demo").with("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/dossiers", intake(ENTERPRISE, name, email)));
        }
        // and one request sent to both nodes at once with the same key: one dossier
        String key = UUID.randomUUID().toString();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            calls.add(() -> api(node).as("tiepnhan.hcc", "demo").with("Idempotency-Key", key)
                    .post("/api/dossiers", intake(ENTERPRISE, "Hai nút một khóa", "same-key@example.com")));
        }
        List<Api.Response> answers = inParallel(calls, 8);
        figure("42 counter intakes (8 at a time) through both nodes", seconds(started));
        List<String> codes = new ArrayList<>();
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            codes.add(answer.json().get("code").asText());
        }
        String sameKey = codes.get(codes.size() - 1);
        assertThat(codes.get(codes.size() - 2)).isEqualTo(sameKey);
        List<String> distinct = codes.stream().distinct().sorted().toList();
        assertThat(distinct).hasSize(2 * perNode + 1);
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 2 * perNode + 1; n++) {
            expected.add("000.00.00.H57-251124-%04d".formatted(n));
        }
        assertThat(distinct).isEqualTo(expected);
        assertThat(jdbc(b).queryForObject("select count(*) from dossier where applicant_full_name = 'Hai nút một khóa'",
                Long.class)).isOne();
    }

    @Test
    @Order(3)
    void aDayOffAddedThroughOneNodeMovesTheNextDueDateOnTheOther() {
        String due = "/api/calendar/due?from=2026-11-23T09:00:00%2B07:00&workingDays=2";
        assertThat(api(b).get(due).json().get("due").asText()).isEqualTo("2026-11-25T09:00:00+07:00");
        // an open dossier whose deadlines cross the day
        clock("2026-11-23T09:00+07:00");
        String open = asStaff(b, () -> driver(b).intake(ENTERPRISE));
        Date before = driver(b).task(open, "Task_receptionCheck").getDueDate();
        calendarChanges.values().forEach(List::clear);

        Api.Response put = api(a).as("demo", "demo").put("/api/calendar/days/2026-11-24",
                Map.of("kind", "DAY_OFF", "name", "Ngày nghỉ thêm (thử hai nút)"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        assertThat(api(b).get(due).json().get("due").asText()).isEqualTo("2026-11-26T09:00:00+07:00");
        // a deadline computed on node B now skips the day
        String later = asStaff(b, () -> driver(b).intake(ENTERPRISE));
        assertThat(driver(b).task(later, "Task_receptionCheck").getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-25T09:00+07:00").toInstant());
        // the open deadlines were recalculated by node A, once: node B only read the days again
        assertThat(driver(a).task(open, "Task_receptionCheck").getDueDate()).isAfter(before);
        assertThat(calendarChanges.get(a)).hasSize(1);
        assertThat(calendarChanges.get(b)).isEmpty();
        assertThat(api(b).as("demo", "demo").delete("/api/calendar/days/2026-11-24").status()).isEqualTo(204);
        assertThat(api(a).get(due).json().get("due").asText()).isEqualTo("2026-11-25T09:00:00+07:00");
    }

    @Test
    @Order(4)
    void thePublicFilingLimitHoldsAcrossBothNodesAndFilesAreShared() {
        clock("2025-11-24T09:30+07:00");
        String address = "203.0.113.77";
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        byte[] pdf = "%PDF-1.4\n% giay chung sinh\n%%EOF\n".getBytes();
        for (int i = 0; i < 12; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
            Api.Response answer = fileOnline(node, address, "Con số " + i, pdf);
            statuses.add(answer.status());
            if (answer.status() == 201) {
                codes.add(answer.json().get("code").asText());
            }
        }
        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        // another address still files
        assertThat(fileOnline(b, "203.0.113.78", "Địa chỉ khác", pdf).status()).isEqualTo(201);
        // a file sent through node A is read through node B (the shared attachments folder)
        Api.Response onB = api(b).as("demo", "demo").get("/api/dossiers/" + codes.get(0));
        String href = onB.json().get("attachments").get(0).get("href").asText();
        Api.Download file = api(b).as("demo", "demo").download(href, "*/*");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
    }

    @Test
    @Order(5)
    void aWebappSessionOpenedOnOneNodeWorksOnTheOther() throws Exception {
        Browser browser = new Browser();
        browser.get(a, "/camunda/app/tasklist/default/");
        HttpResponse<String> login = browser.post(a, "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=giamsat.phuxuan&password=demo");
        assertThat(login.statusCode()).isEqualTo(200);
        // the session is in the database, not in node A's memory
        assertThat(jdbc(a).queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES where ATTRIBUTE_NAME ="
                + " 'authenticatedUser'", Long.class)).isPositive();

        // node B knows the login, and the CSRF token that goes with it
        HttpResponse<String> user = browser.get(b, "/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"giamsat.phuxuan\"");
        HttpResponse<String> tasks = browser.get(b, "/camunda/api/engine/engine/default/task/count");
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        HttpResponse<String> logout = browser.post(b, "/camunda/api/admin/auth/user/default/logout", null, "");
        assertThat(logout.statusCode()).isEqualTo(200);
        // logged out on B: gone on A as well
        assertThat(browser.get(a, "/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void threeHundredOverdueStepsAreEscalatedOnceEachByBothNodes() throws Exception {
        clock("2025-11-24T09:00+07:00");
        long started = System.nanoTime();
        List<String> codes = receivedDossiers(SITE_PERMIT, OVERDUE, "overdue");
        figure(OVERDUE + " dossiers filed and received through both nodes", seconds(started));
        awaitQuiet("the receipts", () -> dueJobs() == 0);
        for (int i = 0; i < OVERDUE; i++) {
            assertThat(mail.everyCopyTo(emailOf("overdue", i))).as("receipts to %s", emailOf("overdue", i)).hasSize(1);
        }

        // Wednesday 09:05: every appraisal is overdue (and its due-soon warning due), all at once
        clock("2025-11-26T09:05+07:00");
        long burst = System.nanoTime();
        wake();
        String ofThese = " in (" + String.join(",", Collections.nCopies(codes.size(), "?")) + ")";
        awaitQuiet("the escalations", () -> dueJobs() == 0 && jdbc(a).queryForObject(
                "select count(*) from escalation where dossier_code" + ofThese, Long.class, codes.toArray()) >= OVERDUE);
        figure(OVERDUE + " overdue steps escalated and mailed by both job executors", seconds(burst));

        JdbcTemplate jdbc = jdbc(a);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class)).isZero();
        Map<String, Long> perDossier = new LinkedHashMap<>();
        jdbc.queryForList("select dossier_code, count(*) as n from escalation where dossier_code" + ofThese
                + " group by dossier_code", codes.toArray())
                .forEach(r -> perDossier.put((String) r.get("dossier_code"), ((Number) r.get("n")).longValue()));
        assertThat(perDossier.keySet()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(perDossier.values()).containsOnly(1L);
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'stepEscalation'"
                + " and BUSINESS_KEY_" + ofThese, Long.class, codes.toArray())).isEqualTo(OVERDUE);

        List<MimeMessage> toSupervisor = mail.everyCopyTo(PHUXUAN_SUPERVISOR);
        for (String code : codes) {
            assertThat(toSupervisor.stream().filter(m -> MailServer.subject(m).startsWith("Hồ sơ " + code + " đã quá hạn")))
                    .as("overdue mails about %s", code).hasSize(1);
        }
        // both nodes did their share (job log: state 2 = successful)
        Map<String, Long> executed = new LinkedHashMap<>();
        jdbc.queryForList("select HOSTNAME_ as node, count(*) as n from ACT_HI_JOB_LOG where JOB_STATE_ = 2"
                + " group by HOSTNAME_").forEach(r -> executed.put((String) r.get("node"), ((Number) r.get("n")).longValue()));
        figure("jobs run per node", executed.toString());
        assertThat(executed.keySet()).contains("node-a", "node-b");
        assertThat(executed.values()).allSatisfy(n -> assertThat(n).isGreaterThan(50));
        figure("overdue mails, each to the supervisor once", codes.size() + " of " + toSupervisor.stream()
                .filter(m -> MailServer.subject(m).contains("đã quá hạn")).count());
    }

    @Test
    @Order(7)
    void fiftyReceiptsThroughAnSmtpOutageReachEachCitizenOnce() throws Exception {
        clock("2025-12-01T09:00+07:00");
        mail.stop();
        List<String> codes;
        try {
            codes = receivedDossiers(ENTERPRISE, OUTAGE, "outage");
            // both executors try every receipt once against the dead server
            awaitQuiet("the first attempts", () -> failedNotices() >= OUTAGE && dueJobs() == 0);
            for (int i = 0; i < OUTAGE; i++) {
                assertThat(mail.everyCopyTo(emailOf("outage", i))).isEmpty();
            }
        } finally {
            mail.restart();
        }
        // the retries (5 minutes later) made due at once
        long started = System.nanoTime();
        clock("2025-12-01T09:06+07:00");
        wake();
        awaitQuiet("the retries", () -> dueJobs() == 0 && jdbc(a).queryForObject(
                "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'citizenNotice'", Long.class) == 0);
        figure(OUTAGE + " receipts retried after the SMTP outage", seconds(started));
        for (int i = 0; i < OUTAGE; i++) {
            List<MimeMessage> received = mail.everyCopyTo(emailOf("outage", i));
            String code = codes.get(i);
            assertThat(received).as("receipts to %s", emailOf("outage", i)).singleElement()
                    .satisfies(m -> assertThat(MailServer.subject(m)).startsWith("Đã tiếp nhận hồ sơ " + code));
        }
    }

    @Test
    @Order(8)
    void aNodeThatDiesHoldingJobsLeavesThemToTheOtherWithinTheLockTime() throws Exception {
        // nothing else falls due between now and the end of the lock time
        clock("2025-12-01T10:00+07:00");
        JobExecutor executorA = jobExecutor(a);
        JobExecutor executorB = jobExecutor(b);
        executorA.shutdown();
        executorB.shutdown();
        List<String> codes = receivedDossiers(ENTERPRISE, 20, "killed");
        // node A's acquisition takes the due receipts and locks them for itself; then the node dies
        ProcessEngineConfigurationImpl configA = configuration(a);
        Instant lockedAt = ClockUtil.getCurrentTime().toInstant();
        configA.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executorA, 100));
        List<Map<String, Object>> locked = jdbc(b).queryForList("select LOCK_OWNER_ as owner, LOCK_EXP_TIME_ as until"
                + " from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'citizenNotice'");
        assertThat(locked).hasSize(20).allSatisfy(j -> assertThat(j.get("owner")).isEqualTo(executorA.getLockOwner()));
        Instant lockedUntil = ((java.sql.Timestamp) locked.get(0).get("until")).toInstant();
        assertThat(Duration.between(lockedAt, lockedUntil).toMillis()).isBetween(LOCK_TIME_MILLIS - 1000, LOCK_TIME_MILLIS + 1000);
        kill(a);

        // node B goes on: while the lock holds, the jobs wait for their owner
        executorB.start();
        Thread.sleep(3000);
        assertThat(jdbc(b).queryForObject("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'citizenNotice'",
                Long.class)).isEqualTo(20);
        // once the lock time has passed, node B runs them
        ClockUtil.setCurrentTime(Date.from(lockedUntil.plusSeconds(1)));
        long started = System.nanoTime();
        wake();
        awaitQuiet("the killed node's jobs", () -> jdbc(b).queryForObject(
                "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'citizenNotice'", Long.class) == 0);
        figure("a killed node's 20 locked jobs run by the other node", "after the lock time ("
                + Duration.between(lockedAt, lockedUntil).toSeconds() + " s engine time), in " + seconds(started));
        for (int i = 0; i < codes.size(); i++) {
            assertThat(mail.everyCopyTo(emailOf("killed", i))).as("receipts to %s", emailOf("killed", i)).hasSize(1);
        }
        assertThat(jdbc(b).queryForObject("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 and HOSTNAME_ = 'node-b'"
                + " and PROCESS_DEF_KEY_ = 'citizenNotice' and PROCESS_INSTANCE_ID_ in (select PROC_INST_ID_ from"
                + " ACT_HI_PROCINST where BUSINESS_KEY_ in (" + String.join(",", Collections.nCopies(codes.size(), "?"))
                + "))", Long.class, codes.toArray())).isEqualTo(20);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Files and receives dossiers through both nodes, 4 at a time; each applicant has an address of its own. */
    private List<String> receivedDossiers(String procedure, int count, String run) throws Exception {
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
            String email = emailOf(run, i);
            calls.add(() -> asStaff(node, () -> {
                Dossiers dossiers = node.getBean(Dossiers.class);
                String code = dossiers.intake(new IntakeRequest(procedure, Channel.COUNTER,
                        new IntakeRequest.ApplicantData("Công Dân " + run, "046190001234", "0905123456", email,
                                "5 Hùng Vương, Huế"), Map.of())).getCode();
                driver(node).complete(code, "Task_receptionCheck", "APPROVE", null);
                return code;
            }));
        }
        return inParallel(calls, 4);
    }

    static String emailOf(String run, int i) {
        return run + "-" + i + "@example.com";
    }

    private Api.Response fileOnline(ConfigurableApplicationContext node, String address, String child, byte[] pdf) {
        String boundary = "----nodes" + UUID.randomUUID();
        String dossier = """
                {"procedureCode":"%s","applicant":{"fullName":"Nguyễn Thị Mai","idNumber":"046195004321",
                "phone":"0914555666","email":"mai@example.com","address":"12 Nguyễn Huệ, Huế"},
                "formData":{"childName":"%s"}}""".formatted(BIRTH, child);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + dossier + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"giay-chung-sinh.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port(node) + "/api/public/dossiers"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json").header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> intake(String procedure, String name, String email) {
        return Map.of("procedureCode", procedure, "channel", "COUNTER",
                "applicant", Map.of("fullName", name, "idNumber", "046090001234", "phone", "0905123456",
                        "email", email, "address", "10 Lê Lợi, Huế"),
                "formData", Map.of("enterpriseName", "DNTN " + name));
    }

    /** A node dies: its engine and job executor stop where they are; what it locked stays locked. */
    private void kill(ConfigurableApplicationContext node) {
        ProcessEngine survivor = b.getBean(ProcessEngine.class);
        node.close();
        // both nodes' engines carry the name "default" in this JVM's registry (one per JVM in production)
        ProcessEngines.registerProcessEngine(survivor);
    }

    /** Jobs due now (engine time) that no node holds, or holds past its lock. */
    private long dueJobs() {
        Date now = ClockUtil.getCurrentTime();
        ConfigurableApplicationContext alive = b;
        return jdbc(alive).queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
                + " and (DUEDATE_ is null or DUEDATE_ <= ?)", Long.class, new java.sql.Timestamp(now.getTime()));
    }

    private long failedNotices() {
        return jdbc(b).queryForObject("select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = 'citizenNotice'"
                + " and RETRIES_ = 4", Long.class);
    }

    /** Wakes the job executors of the nodes alive (they sleep up to max-wait between acquisitions). */
    private void wake() {
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            if (node.isActive()) {
                jobExecutor(node).jobWasAdded();
            }
        }
    }

    /** Waits (bounded) until the condition holds, waking the job executors meanwhile. */
    private void awaitQuiet(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
            wake();
            Thread.sleep(500);
        }
    }

    private static <T> List<T> inParallel(List<Callable<T>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T asStaff(ConfigurableApplicationContext node, Callable<T> work) {
        Staff.actAs("demo", "camunda-admin");
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            Staff.clear();
        }
    }

    private final Map<ConfigurableApplicationContext, Driver> drivers = new java.util.concurrent.ConcurrentHashMap<>();

    private Driver driver(ConfigurableApplicationContext node) {
        return drivers.computeIfAbsent(node, n -> {
            Driver driver = new Driver();
            n.getAutowireCapableBeanFactory().autowireBean(driver);
            return driver;
        });
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    private static ProcessEngineConfigurationImpl configuration(ConfigurableApplicationContext node) {
        return (ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return configuration(node).getJobExecutor();
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    private static Api api(ConfigurableApplicationContext node) {
        return Api.at(port(node));
    }

    private static void clock(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    private void figure(String what, String value) {
        figures.put(what, value);
        System.out.println("[two nodes] " + what + ": " + value);
    }

    private static String seconds(long startedNanos) {
        return "%.1f s".formatted((System.nanoTime() - startedNanos) / 1e9);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** A browser's cookie jar used against either node (cookies are per host, not per port). */
    static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(ConfigurableApplicationContext node, String path, String type, String body)
                throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + path))
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        }
    }
}
