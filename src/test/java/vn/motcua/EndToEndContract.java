package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
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
            Api.Response completed = demo.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                    Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"),
                            "note", Map.of("value", ""), "returnMethod", Map.of("value", "COUNTER"))));
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

    private void completeOnlyTask(Api officer, String code, Map<String, Object> body) {
        JsonNode tasks = officer.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
        assertThat(tasks).as("tasks visible to the officer").hasSize(1);
        Api.Response response = officer.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", body);
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
