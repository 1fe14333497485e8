package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End-to-end behaviour over HTTP against the running application, the same on every database:
 * H2 runs it in the default build, MariaDB in the {@code mariadb} suite.
 */
public abstract class EndToEndContract {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired MailServer mail;

    private static final Map<String, Object> APPROVE =
            Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")));

    protected Api anonymous;
    protected Api demo;

    @BeforeEach
    void clients() {
        anonymous = Api.at(port);
        demo = anonymous.as("demo", "demo");
    }

    /** Enterprise registration: received at the city's centre (hcc), handled by Sở Tài chính. */
    protected static final String ENTERPRISE = "2.001610";

    protected static Map<String, Object> intake(String procedure, String name) {
        return Map.of("procedureCode", procedure, "channel", "COUNTER",
                "applicant", Map.of("fullName", name, "idNumber", "046090001234", "phone", "0905123456",
                        "email", "citizen@example.com", "address", "10 Lê Lợi, phường Thuận Hóa, Huế"),
                "formData", Map.of("enterpriseName", "Doanh nghiệp tư nhân Sông Hương"));
    }

    @Test
    void demoDrivesADossierToReturnedThroughTheEngineRestApi() {
        Api.Response created = demo.post("/api/dossiers", intake(ENTERPRISE, "Trần Văn Hương"));
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().get("code").asText();
        assertThat(code).matches("000\\.00\\.00\\.H57-\\d{6}-\\d{4}");
        assertThat(created.json().get("statusCode").asInt()).isEqualTo(1);

        for (int step = 0; step < 10; step++) {
            JsonNode tasks = demo.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
            if (tasks.isEmpty()) {
                break;
            }
            assertThat(tasks).hasSize(1);
            // each task takes the fields of its own form: the return of the result has no decision, only how
            boolean returning = "Task_returnResult".equals(tasks.get(0).get("taskDefinitionKey").asText());
            Map<String, Object> variables = returning
                    ? Map.of("note", Map.of("value", ""), "returnMethod", Map.of("value", "COUNTER"))
                    : Map.of("decision", Map.of("value", "APPROVE"), "note", Map.of("value", ""));
            Api.Response completed = demo.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                    Map.of("variables", variables));
            assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        }
        JsonNode dossier = demo.get("/api/dossiers/" + code).json();
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(10);
        assertThat(dossier.get("appointmentDate").asText()).endsWith("+07:00");
        assertThat(dossier.get("returnedAt").isNull()).isFalse();
        List<Integer> codes = new ArrayList<>();
        dossier.get("history").forEach(h -> codes.add(h.get("statusCode").asInt()));
        assertThat(codes).containsExactly(1, 2, 4, 9, 10);
        assertThat(dossier.get("tasks")).isEmpty();
    }

    @Test
    void anOverdueStepEscalatesToTheSupervisorsOfItsUnitWhoAreMailed() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-24T09:00+07:00").toInstant()));
        try {
            String code = demo.post("/api/dossiers", intake(ENTERPRISE, "Hồ Văn Trễ")).json().get("code").asText();
            Api counter = anonymous.as("tiepnhan.hcc", "demo");
            Api specialist = anonymous.as("chuyenvien.taichinh", "demo");
            Api supervisor = anonymous.as("giamsat.taichinh", "demo");
            completeOnlyTask(counter, code, APPROVE);
            JsonNode received = demo.get("/api/dossiers/" + code).json();
            JsonNode appraisal = received.get("handovers").get(1);
            assertThat(appraisal.get("step").asText()).isEqualTo("appraise");
            assertThat(appraisal.get("unit").asText()).isEqualTo("sotaichinh");
            assertThat(appraisal.get("dueAt").asText()).isEqualTo("2025-11-26T09:00:00+07:00");
            assertThat(received.get("tasks").get(0).get("due").asText()).isEqualTo("2025-11-26T09:00:00+07:00");

            // the step's timer job, executed as Cockpit would, after its due time
            String overdueJob = overdueTimer(code, "2025-11-26T09:00+07:00");
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-26T10:00+07:00").toInstant()));
            assertThat(anonymous.post("/engine-rest/job/" + overdueJob + "/execute", Map.of()).status()).isEqualTo(401);
            assertThat(demo.post("/engine-rest/job/" + overdueJob + "/execute", Map.of()).status()).isEqualTo(204);

            // the supervisors' mail went out once the timer's job committed: nothing of the escalation waits in a job
            String escalation = demo.get("/engine-rest/process-instance?processDefinitionKey=stepEscalation&businessKey="
                    + code).json().get(0).get("id").asText();
            assertThat(demo.get("/engine-rest/job?processInstanceId=" + escalation).json()).isEmpty();
            assertThat(mail.to("giamsat.taichinh@motcua.test").stream()
                    .filter(m -> MailServer.subject(m).contains(code)).toList()).hasSize(1);
            String escalationTasks = "/engine-rest/task?taskDefinitionKey=Task_handleEscalation&processInstanceBusinessKey="
                    + code;
            JsonNode supervisorsTasks = supervisor.get(escalationTasks + "&candidateUser=giamsat.taichinh").json();
            assertThat(supervisorsTasks).hasSize(1);
            // another unit's supervisors are not asked, and may not decide
            assertThat(demo.get(escalationTasks + "&candidateUser=giamsat.thuanhoa").json()).isEmpty();
            assertThat(anonymous.as("giamsat.thuanhoa", "demo").post("/engine-rest/task/"
                    + supervisorsTasks.get(0).get("id").asText() + "/complete", APPROVE).status()).isEqualTo(403);
            completeTask(supervisor, supervisorsTasks.get(0).get("id").asText(), Map.of("variables", Map.of(
                    "decision", Map.of("value", "URGE"),
                    "note", Map.of("value", "Đề nghị hoàn thành thẩm định trong buổi sáng"))));
            for (JsonNode job : demo.get("/engine-rest/job?processInstanceId=" + escalation).json()) {
                assertThat(demo.post("/engine-rest/job/" + job.get("id").asText() + "/execute", Map.of()).status())
                        .isEqualTo(204);
            }
            assertThat(mail.to("chuyenvien.taichinh@motcua.test").stream()
                    .filter(m -> MailServer.subject(m).contains(code) && MailServer.subject(m).contains("Đôn đốc"))
                    .toList()).hasSize(1);
            completeOnlyTask(specialist, code, APPROVE);

            JsonNode dossier = demo.get("/api/dossiers/" + code).json();
            assertThat(dossier.get("escalations")).hasSize(1);
            JsonNode escalated = dossier.get("escalations").get(0);
            assertThat(escalated.get("step").asText()).isEqualTo("appraise");
            assertThat(escalated.get("group").asText()).isEqualTo("sotaichinh_supervisors");
            assertThat(escalated.get("outcome").asText()).isEqualTo("URGE");
            assertThat(escalated.get("decidedBy").asText()).isEqualTo("giamsat.taichinh");
            assertThat(dossier.get("handovers").get(1).get("verdict").asText()).isEqualTo("LATE");
            assertThat(dossier.get("handovers").get(1).get("endedBy").asText()).isEqualTo("chuyenvien.taichinh");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void anEscalationMailThatAStoppedNodeLeftUnsentIsFoundAndSentOnce() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-24T09:00+07:00").toInstant()));
        try {
            String code = demo.post("/api/dossiers", intake(ENTERPRISE, "Lê Văn Sót")).json().get("code").asText();
            completeOnlyTask(anonymous.as("tiepnhan.hcc", "demo"), code, APPROVE);
            String overdueJob = overdueTimer(code, "2025-11-26T09:00+07:00");
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-26T10:00+07:00").toInstant()));
            assertThat(demo.post("/engine-rest/job/" + overdueJob + "/execute", Map.of()).status()).isEqualTo(204);
            assertThat(overdueMails(code)).hasSize(1);

            // what a node that stopped between the timer's commit and the hand-over leaves: no mail, none in the log
            mail.purge();
            assertThat(Committed.update(jdbc, "delete from mail_log where idempotency_key like ?", "step-overdue:" + code + ":h%"))
                    .isOne();
            String escalation = demo.get("/engine-rest/process-instance?processDefinitionKey=stepEscalation&businessKey="
                    + code).json().get(0).get("id").asText();
            // five minutes after the timer the mail may still be on its way; fifteen minutes after, it is owed
            checkForOwedMails("2025-11-26T10:05+07:00");
            assertThat(demo.get("/engine-rest/job?processInstanceId=" + escalation).json()).isEmpty();
            checkForOwedMails("2025-11-26T10:15+07:00");
            JsonNode later = demo.get("/engine-rest/job?processInstanceId=" + escalation).json();
            assertThat(later).hasSize(1);
            assertThat(later.get(0).get("retries").asInt()).isEqualTo(5);
            assertThat(demo.post("/engine-rest/job/" + later.get(0).get("id").asText() + "/execute", Map.of())
                    .status()).isEqualTo(204);
            assertThat(overdueMails(code)).hasSize(1);
            assertThat(demo.get("/engine-rest/job?processInstanceId=" + escalation).json()).isEmpty();
        } finally {
            ClockUtil.reset();
        }
    }

    /** Runs the timer of the check for owed escalation mails at that moment, as Cockpit would. */
    private void checkForOwedMails(String at) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
        JsonNode checks = demo.get("/engine-rest/job?timers=true&processDefinitionKey=escalationMailsOwed").json();
        assertThat(checks).hasSize(1);
        assertThat(demo.post("/engine-rest/job/" + checks.get(0).get("id").asText() + "/execute", Map.of()).status())
                .isEqualTo(204);
    }

    /** The id of the dossier's step timer due at that moment. */
    private String overdueTimer(String code, String due) {
        String processInstance = demo.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0)
                .get("processInstanceId").asText();
        JsonNode timers = demo.get("/engine-rest/job?timers=true&processInstanceId=" + processInstance).json();
        for (JsonNode job : timers) {
            if (engineDate(job.get("dueDate").asText()).equals(OffsetDateTime.parse(due).toInstant())) {
                return job.get("id").asText();
            }
        }
        throw new AssertionError("no timer due " + due + " among " + timers);
    }

    private List<jakarta.mail.internet.MimeMessage> overdueMails(String code) {
        return mail.to("giamsat.taichinh@motcua.test").stream()
                .filter(m -> MailServer.subject(m).contains(code) && MailServer.subject(m).contains("quá hạn")).toList();
    }

    @Test
    void aDayOffAddedByAnAdministratorMovesTheAppointmentAndTheOpenStep() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-24T09:00+07:00").toInstant()));
        try {
            String code = demo.post("/api/dossiers", intake(ENTERPRISE, "Lê Văn Lịch")).json().get("code").asText();
            completeOnlyTask(anonymous.as("tiepnhan.hcc", "demo"), code, APPROVE);
            assertThat(demo.get("/api/dossiers/" + code).json().get("appointmentDate").asText())
                    .isEqualTo("2025-11-27T09:00:00+07:00");

            Api.Response added = demo.put("/api/calendar/days/2025-11-25", Map.of("kind", "DAY_OFF", "name", "Nghỉ bão"));
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            try {
                JsonNode moved = demo.get("/api/dossiers/" + code).json();
                assertThat(moved.get("appointmentDate").asText()).isEqualTo("2025-11-28T09:00:00+07:00");
                assertThat(moved.get("originalAppointmentDate").asText()).isEqualTo("2025-11-28T09:00:00+07:00");
                assertThat(moved.get("handovers").get(1).get("dueAt").asText()).isEqualTo("2025-11-27T09:00:00+07:00");
                assertThat(moved.get("tasks").get(0).get("due").asText()).isEqualTo("2025-11-27T09:00:00+07:00");
                String processInstance = demo.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0)
                        .get("processInstanceId").asText();
                List<String> timers = new ArrayList<>();
                demo.get("/engine-rest/job?timers=true&processInstanceId=" + processInstance).json()
                        .forEach(job -> timers.add(engineDate(job.get("dueDate").asText()).toString()));
                // due soon Wednesday 15:00, overdue Thursday 09:00 (Huế time)
                assertThat(timers).containsExactlyInAnyOrder("2025-11-26T08:00:00Z", "2025-11-27T02:00:00Z");
            } finally {
                assertThat(demo.delete("/api/calendar/days/2025-11-25").status()).isEqualTo(204);
            }
            assertThat(demo.get("/api/dossiers/" + code).json().get("appointmentDate").asText())
                    .isEqualTo("2025-11-27T09:00:00+07:00");
        } finally {
            ClockUtil.reset();
        }
    }

    /** What the city asked of an interconnected set: one code, one appointment, three agencies, one result. */
    @Test
    void theBirthSetIsOneDossierWorkedByThreeAgencies() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-11-24T09:00+07:00").toInstant()));
        try {
            birthSet();
        } finally {
            ClockUtil.reset();
        }
    }

    private void birthSet() {
        Api counter = anonymous.as("tiepnhan.thuanhoa", "demo");
        Api.Response filed = counter.post("/api/dossiers", Map.of("procedureCode", "LT.KS-TT-BHYT", "channel", "COUNTER",
                "applicant", Map.of("fullName", "Nguyễn Văn Cha", "idNumber", "046090005678", "phone", "0905000111",
                        "email", "cha@example.com", "address", "3 Đinh Tiên Hoàng, phường Thuận Hóa, Huế")));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String code = filed.json().get("code").asText();
        completeOnlyTask(counter, code, APPROVE);
        JsonNode received = counter.get("/api/dossiers/" + code).json();
        // one appointment, 3 working days after reception on Monday 09:00
        assertThat(received.get("appointmentDate").asText()).isEqualTo("2025-11-27T09:00:00+07:00");
        assertThat(received.get("tasks")).hasSize(1);
        assertThat(received.get("tasks").get(0).get("candidateGroups").get(0).asText())
                .isEqualTo("phuongthuanhoa_specialists");

        completeOnlyTask(anonymous.as("chuyenvien.thuanhoa", "demo"), code, APPROVE);
        JsonNode parallel = counter.get("/api/dossiers/" + code).json().get("tasks");
        List<String> groups = new ArrayList<>();
        parallel.forEach(t -> groups.add(t.get("candidateGroups").get(0).asText()));
        assertThat(groups).containsExactlyInAnyOrder("conganthuanhoa_specialists", "bhxhhue_specialists");
        // each agency sees and completes only its own part
        completeOnlyTask(anonymous.as("canbo.conganthuanhoa", "demo"), code, APPROVE);
        completeOnlyTask(anonymous.as("canbo.bhxh", "demo"), code, APPROVE);
        completeOnlyTask(counter, code, Map.of("variables", Map.of("returnMethod", Map.of("value", "COUNTER"))));

        JsonNode done = counter.get("/api/dossiers/" + code).json();
        assertThat(done.get("code").asText()).isEqualTo(code);
        assertThat(done.get("statusCode").asInt()).isEqualTo(10);
        List<String> units = new ArrayList<>();
        done.get("handovers").forEach(h -> units.add(h.get("unit").asText()));
        assertThat(units).containsExactly("phuongthuanhoa", "phuongthuanhoa", "conganthuanhoa", "bhxhhue",
                "phuongthuanhoa");
    }

    @Test
    void officersWorkOnlyTheirOwnUnitsTasks() {
        String code = demo.post("/api/dossiers", intake(ENTERPRISE, "Lê Thị Thanh")).json().get("code").asText();
        Api counter = anonymous.as("tiepnhan.hcc", "demo");
        Api otherCounter = anonymous.as("tiepnhan.thuanhoa", "demo");

        assertThat(otherCounter.get("/engine-rest/task?processInstanceBusinessKey=" + code).json()).isEmpty();
        JsonNode mine = counter.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
        assertThat(mine).hasSize(1);
        String taskId = mine.get(0).get("id").asText();
        Map<String, Object> approve = Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")));
        assertThat(otherCounter.post("/engine-rest/task/" + taskId + "/complete", approve).status()).isEqualTo(403);
        assertThat(otherCounter.get("/api/dossiers/" + code).status()).isEqualTo(403);

        // each officer of the handling unit does their own step
        assertThat(counter.post("/engine-rest/task/" + taskId + "/complete", approve).status()).isEqualTo(204);
        completeOnlyTask(anonymous.as("chuyenvien.taichinh", "demo"), code, approve);
        completeOnlyTask(anonymous.as("lanhdao.taichinh", "demo"), code, approve);
        completeOnlyTask(counter, code, Map.of("variables", Map.of("returnMethod", Map.of("value", "COUNTER"))));

        JsonNode dossier = counter.get("/api/dossiers/" + code).json();
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(10);
        List<String> actors = new ArrayList<>();
        dossier.get("history").forEach(h -> actors.add(h.get("actor").asText()));
        assertThat(actors).containsExactly("demo", "tiepnhan.hcc", "tiepnhan.hcc", "lanhdao.taichinh", "tiepnhan.hcc");
        // the city's supervisors see every unit's dossiers
        assertThat(anonymous.as("giamsat.noivu", "demo").get("/api/dossiers/" + code).status()).isEqualTo(200);
    }

    /** A date as the engine REST API writes it ({@code 2025-11-26T09:00:00.000+0700}). */
    private static Instant engineDate(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private void completeOnlyTask(Api officer, String code, Map<String, Object> body) {
        JsonNode tasks = officer.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
        assertThat(tasks).as("tasks visible to the officer").hasSize(1);
        completeTask(officer, tasks.get(0).get("id").asText(), body);
    }

    private void completeTask(Api officer, String taskId, Map<String, Object> body) {
        Api.Response response = officer.post("/engine-rest/task/" + taskId + "/complete", body);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    @Test
    void aFailedIntakeLeavesNoDossierAndNoProcess() {
        long dossiers = count("select count(*) from dossier");
        long history = count("select count(*) from dossier_history");
        long instances = runtime.createProcessInstanceQuery().count();
        FaultInjection.FAIL_NEXT_START.set(true);
        Api.Response failed = demo.post("/api/dossiers", intake(ENTERPRISE, "Phạm Văn Lỗi"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.body()).doesNotContain("injected").doesNotContain("Exception");
        assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);
        assertThat(count("select count(*) from dossier_history")).isEqualTo(history);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
        // and the next intake works, with a new number
        assertThat(demo.post("/api/dossiers", intake(ENTERPRISE, "Phạm Văn Được")).status()).isEqualTo(201);
    }

    @Test
    void parallelIntakesForOneAgencyGetDistinctCodes() throws Exception {
        int intakes = 50;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < intakes; i++) {
                String name = "Công dân số " + i;
                results.add(pool.submit(() -> demo.post("/api/dossiers", intake(ENTERPRISE, name))));
            }
            Set<String> codes = new HashSet<>();
            for (Future<Api.Response> result : results) {
                Api.Response response = result.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                codes.add(response.json().get("code").asText());
            }
            assertThat(codes).hasSize(intakes);
            for (String code : codes) {
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
