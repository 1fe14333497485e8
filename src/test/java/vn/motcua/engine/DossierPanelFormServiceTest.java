package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * A task form's dossier panel, as Tasklist reads it ({@code GET /engine-rest/task/{id}/form-variables}, values not
 * deserialised): built when the form is read, for the unit's officers only, and showing what changed since the task
 * was created.
 */
@MotcuaTest
class DossierPanelFormServiceTest {

    static final String HOUSEHOLD_BUSINESS = "1.001612";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        // Tuesday 25 Nov 2025, 09:00 in Huế
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-11-25T02:00:00Z")));
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void theUnitsOfficerReadsTheDossierAsItIsNowAndNobodyElseDoes() throws Exception {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        Task reception = driver.task(code, "Task_receptionCheck");
        String form = "/engine-rest/task/" + reception.getId() + "/form-variables";
        Api counter = Api.at(port).as("tiepnhan.thuanhoa", "demo");

        Api.Response read = counter.get(form + "?deserializeValues=false");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode variable = read.json().path("dossierPanel");
        assertThat(variable.path("type").asText()).isEqualTo("Json");
        JsonNode panel = JSON.readTree(variable.path("value").asText());
        assertThat(panel.path("code").asText()).isEqualTo(code);
        assertThat(panel.path("applicant").path("fullName").asText()).isEqualTo("Trần Thị Bình");
        // this step's own due date, from the task: a working day after the filing
        assertThat(panel.path("stepDue").asText()).isEqualTo("09:00 26/11/2025");
        // the facts Tasklist's cards show come with it, and the panel itself is not stored on the task
        assertThat(read.json().path("dossierCode").path("value").asText()).isEqualTo(code);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where TASK_ID_ = ? and NAME_ = ?",
                Long.class, reception.getId(), ProcessVariables.DOSSIER_PANEL)).isZero();

        // an API client that leaves the values to be deserialised gets the same panel
        Api.Response plain = counter.get(form);
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(JSON.readTree(plain.json().path("dossierPanel").path("value").asText()).path("code").asText())
                .isEqualTo(code);

        // a form that asks for other variables only does not get it
        Api.Response named = counter.get(form + "?variableNames=dossierCode&deserializeValues=false");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().has("dossierPanel")).isFalse();
        assertThat(named.json().path("dossierCode").path("value").asText()).isEqualTo(code);

        // the next step's form shows the history as it is when the form is read, the counter's note included
        driver.complete(code, "Task_receptionCheck", "APPROVE", "Đủ giấy tờ, hẹn trả");
        Task appraisal = driver.task(code, "Task_appraise");
        Api.Response specialist = Api.at(port).as("chuyenvien.thuanhoa", "demo")
                .get("/engine-rest/task/" + appraisal.getId() + "/form-variables?deserializeValues=false");
        assertThat(specialist.status()).as(specialist.body()).isEqualTo(200);
        assertThat(specialist.json().path("dossierPanel").path("value").asText()).contains("Đủ giấy tờ, hẹn trả");

        // another unit's officer, an anonymous caller, an unknown task, a NUL byte: no panel, no stack trace
        for (Api.Response refused : new Api.Response[] {
                Api.at(port).as("tiepnhan.hcc", "demo").get(form.replace(reception.getId(), appraisal.getId())),
                Api.at(port).get("/engine-rest/task/" + appraisal.getId() + "/form-variables"),
                counter.get("/engine-rest/task/no-such-task/form-variables"),
                counter.get("/engine-rest/task/%00/form-variables")}) {
            assertThat(refused.status()).as(refused.body()).isIn(400, 401, 403, 404);
            assertThat(refused.body()).doesNotContain("Trần Thị Bình").doesNotContain("dossierPanel")
                    .doesNotContain("at org.").doesNotContain("at vn.");
        }
        assertThat(Api.at(port).get("/engine-rest/task/" + appraisal.getId() + "/form-variables").status())
                .isEqualTo(401);
        assertThat(Api.at(port).as("tiepnhan.hcc", "demo")
                .get("/engine-rest/task/" + appraisal.getId() + "/form-variables").status()).isIn(403, 404);
    }
}
