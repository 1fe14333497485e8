package vn.motcua.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.Committed;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/**
 * The engine writes no authorization row per task (the officers' groups read and work their unit's tasks through one
 * grant each, so that a task list's authorization joins stay small); the work on a task is its assignee's and
 * candidates' only. Within his own unit an officer reads the other roles' tasks but can neither claim, complete nor
 * write them; another unit's he does not see; rows written per task by an earlier version are deleted at start-up.
 */
@MotcuaTest
class TaskAuthorizationsTest {

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired AuthorizationService authorizations;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityBootstrap bootstrap;

    String code;
    String appraisal;

    @BeforeEach
    void setUp() {
        clock("2026-11-23T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
        code = driver.intake("1.001612");
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        Staff.clear();
        appraisal = driver.task(code, "Task_appraise").getId();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void theEngineWritesNoRowPerTask() {
        assertThat(taskRows(appraisal)).isEmpty();
        assertThat(driver.task(code, "Task_appraise").getId()).isEqualTo(appraisal);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ?"
                + " and RESOURCE_ID_ <> '*'", Integer.class, Resources.TASK.resourceType())).isZero();
    }

    @Test
    void theSpecialistReadsAndWorksTheAppraisalTheCounterOfTheSameWardOnlyReadsItAnotherWardNothing() {
        Api specialist = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        assertThat(specialist.get("/engine-rest/task/" + appraisal).status()).isEqualTo(200);
        Api.Response variables = specialist.get("/engine-rest/task/" + appraisal + "/variables");
        assertThat(variables.status()).isEqualTo(200);
        assertThat(variables.json().get("dossierCode").get("value").asText()).isEqualTo(code);
        assertThat(specialist.get("/engine-rest/variable-instance?taskIdIn=" + appraisal).json()).isNotEmpty();

        Api counter = Api.at(port).as("tiepnhan.thuanhoa", "demo");
        // the unit's task and its variables are in view (as for the unit's supervisors) ...
        assertThat(counter.get("/engine-rest/task/" + appraisal).status()).isEqualTo(200);
        assertThat(counter.get("/engine-rest/task/" + appraisal + "/variables").status()).isEqualTo(200);
        // ... not its work
        assertThat(counter.put("/engine-rest/task/" + appraisal + "/localVariables/decision",
                "{\"value\": \"APPROVE\", \"type\": \"String\"}").status()).isEqualTo(403);
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/submit-form", "{}").status()).isEqualTo(403);
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/claim", "{\"userId\": \"tiepnhan.thuanhoa\"}")
                .status()).isEqualTo(403);
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/complete", "{}").status()).isEqualTo(403);
        assertThat(driver.task(code, "Task_appraise").getAssignee()).isNull();

        // another ward's specialist does not even see it
        Api otherWard = Api.at(port).as("chuyenvien.phuxuan", "demo");
        assertThat(otherWard.get("/engine-rest/task/" + appraisal).status()).isIn(403, 404);
        assertThat(otherWard.get("/engine-rest/task?taskId=" + appraisal).json()).isEmpty();
        assertThat(otherWard.get("/engine-rest/task/" + appraisal + "/variables").status()).isIn(403, 404);
        assertThat(otherWard.get("/engine-rest/variable-instance?taskIdIn=" + appraisal).json()).isEmpty();

        // the specialist claims it, and may hand it to the counter officer, who then works it as its assignee
        assertThat(specialist.post("/engine-rest/task/" + appraisal + "/claim",
                "{\"userId\": \"chuyenvien.thuanhoa\"}").status()).isEqualTo(204);
        assertThat(taskRows(appraisal)).isEmpty();
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/unclaim", "{}").status()).isEqualTo(403);
        assertThat(driver.task(code, "Task_appraise").getAssignee()).isEqualTo("chuyenvien.thuanhoa");
        assertThat(specialist.post("/engine-rest/task/" + appraisal + "/assignee",
                "{\"userId\": \"tiepnhan.thuanhoa\"}").status()).isEqualTo(204);
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/unclaim", "{}").status()).isEqualTo(204);
        // unclaimed again, it is the specialists' once more
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/claim", "{\"userId\": \"tiepnhan.thuanhoa\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void rowsAnEarlierVersionWroteAreDeletedAtStartUp() {
        // as the engine wrote them before: the specialists' group and the assignee, READ and UPDATE
        int readAndUpdate = Permissions.READ.getValue() | Permissions.UPDATE.getValue();
        for (String[] who : List.of(new String[] {"phuongthuanhoa_specialists", null},
                new String[] {null, "chuyenvien.thuanhoa"})) {
            Committed.update(jdbc, "insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_,"
                    + " RESOURCE_ID_, PERMS_) values (?, 1, 1, ?, ?, ?, ?, ?)", java.util.UUID.randomUUID().toString(),
                    who[0], who[1], Resources.TASK.resourceType(), appraisal, readAndUpdate);
        }
        assertThat(taskRows(appraisal)).hasSize(2);

        bootstrap.run(null);

        assertThat(taskRows(appraisal)).isEmpty();
        Api counter = Api.at(port).as("tiepnhan.thuanhoa", "demo");
        assertThat(counter.post("/engine-rest/task/" + appraisal + "/complete", "{}").status()).isEqualTo(403);
        Api specialist = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        assertThat(specialist.get("/engine-rest/task/" + appraisal + "/variables").status()).isEqualTo(200);
        assertThat(specialist.post("/engine-rest/task/" + appraisal + "/claim",
                "{\"userId\": \"chuyenvien.thuanhoa\"}").status()).isEqualTo(204);
        // the supervisors' grant on every task is not a task's own row and stays
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(Authorization.ANY).list()).isNotEmpty()
                .allMatch(row -> row.isPermissionGranted(Permissions.READ));
    }

    private List<Authorization> taskRows(String taskId) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list();
    }
}
