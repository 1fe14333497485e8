package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * A unit's people see in the engine only the process instances, tasks, jobs, incidents and history of
 * their own unit, through the engine's REST API as Cockpit and Tasklist call it; the city's supervisors
 * and the administrator see all. Three dossiers: one of phường Thuận Hóa, one of phường Phú Xuân, and
 * one the centre (hcc) receives and Sở Tài chính handles, each received and waiting for its appraisal.
 */
@MotcuaTest
class UnitTenantsTest {

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired HistoryService history;
    @Autowired FilterService filters;

    String thuanHoa;
    String phuXuan;
    String centre;

    @BeforeEach
    void setUp() {
        clock("2026-11-23T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
        thuanHoa = driver.intake("1.001612");
        phuXuan = driver.intake("1.000894");
        centre = driver.intake("2.001610");
        for (String code : List.of(thuanHoa, phuXuan, centre)) {
            driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        }
        Staff.clear();
        // an incident in each ward's handling, as a failing job would raise
        driver.runtime.createIncident("motcuaTest", driver.task(thuanHoa, "Task_appraise").getExecutionId(), thuanHoa);
        driver.runtime.createIncident("motcuaTest", driver.task(phuXuan, "Task_appraise").getExecutionId(), phuXuan);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void eachInstanceBelongsToTheUnitThatWorksInIt() {
        assertThat(driver.lifecycle(thuanHoa).getTenantId()).isEqualTo("phuongthuanhoa");
        assertThat(driver.handling(thuanHoa).getTenantId()).isEqualTo("phuongthuanhoa");
        assertThat(driver.lifecycle(phuXuan).getTenantId()).isEqualTo("phuongphuxuan");
        // the centre receives and returns, the department handles
        assertThat(driver.lifecycle(centre).getTenantId()).isEqualTo("hcc");
        assertThat(driver.handling(centre).getTenantId()).isEqualTo("sotaichinh");
        assertThat(driver.instance(centre, "appointmentWatch").getTenantId()).isEqualTo("hcc");
        assertThat(driver.task(centre, "Task_appraise").getTenantId()).isEqualTo("sotaichinh");
        // every instance of the dossiers has a unit
        assertThat(instances(thuanHoa)).extracting(ProcessInstance::getTenantId).containsOnly("phuongthuanhoa");
    }

    @Test
    void theApologyOfADossierAtRiskBelongsToTheUnitHoldingIt() {
        // the centre's dossier nears its appointment while Sở Tài chính appraises it
        String watch = driver.instance(centre, "appointmentWatch").getId();
        driver.execute(driver.management.createJobQuery().processInstanceId(watch).timers().singleResult());
        assertThat(driver.instance(centre, "appointmentApology").getTenantId()).isEqualTo("sotaichinh");
        String draft = driver.task(centre, "Task_draftApology").getId();
        String filter = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        assertThat(ids(Api.at(port).as("chuyenvien.taichinh", "demo").get("/engine-rest/filter/" + filter + "/list")))
                .contains(draft);
        assertThat(ids(Api.at(port).as("giamsat.hcc", "demo").get("/engine-rest/task?processInstanceBusinessKey="
                + centre))).doesNotContain(draft);
    }

    @Test
    void eachAgencysPartOfAnInterconnectedSetBelongsToThatAgency() {
        Staff.actAs("demo", "camunda-admin");
        String set = driver.intake("LT.KS-TT-BHYT");
        Staff.clear();
        driver.complete(set, "Task_receptionCheck", "APPROVE", null);
        assertThat(driver.task(set, "Task_birthRegister").getTenantId()).isEqualTo("phuongthuanhoa");
        driver.complete(set, "Task_birthRegister", "APPROVE", null);
        assertThat(driver.task(set, "Task_residenceRegister").getTenantId()).isEqualTo("conganthuanhoa");
        assertThat(driver.task(set, "Task_insuranceCard").getTenantId()).isEqualTo("bhxhhue");

        // the social insurance's supervisor sees the insurance card part and nothing else of the dossier
        Api insurance = Api.at(port).as("giamsat.bhxh", "demo");
        assertThat(insurance.get("/engine-rest/task?processInstanceBusinessKey=" + set).json())
                .extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("Task_insuranceCard");
        assertThat(insurance.get("/engine-rest/process-instance?businessKey=" + set).json())
                .extracting(i -> i.get("definitionId").asText()).allMatch(id -> id.startsWith("partHealthInsurance:"));
        // and the police officer works the residence part from the shared filter
        String filter = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        assertThat(ids(Api.at(port).as("canbo.conganthuanhoa", "demo").get("/engine-rest/filter/" + filter + "/list")))
                .contains(driver.task(set, "Task_residenceRegister").getId())
                .doesNotContain(driver.task(set, "Task_insuranceCard").getId());
    }

    @Test
    void aWardSupervisorReadsOnlyTheWardsOwnInstancesTasksVariablesJobsIncidentsAndHistory() {
        Api thuanHoaSupervisor = Api.at(port).as("giamsat.thuanhoa", "demo");
        assertSees(thuanHoaSupervisor, thuanHoa);
        assertSeesNothingOf(thuanHoaSupervisor, phuXuan);
        assertSeesNothingOf(thuanHoaSupervisor, centre);

        Api phuXuanSupervisor = Api.at(port).as("giamsat.phuxuan", "demo");
        assertSees(phuXuanSupervisor, phuXuan);
        assertSeesNothingOf(phuXuanSupervisor, thuanHoa);

        // by id: the other ward's instance and task are not found, its variables not given
        String otherInstance = driver.lifecycle(phuXuan).getId();
        String otherTask = driver.task(phuXuan, "Task_appraise").getId();
        assertThat(thuanHoaSupervisor.get("/engine-rest/process-instance/" + otherInstance).status()).isEqualTo(404);
        assertThat(thuanHoaSupervisor.get("/engine-rest/task/" + otherTask).status()).isEqualTo(404);
        Api.Response variables = thuanHoaSupervisor.get("/engine-rest/process-instance/" + otherInstance + "/variables");
        assertThat(variables.status()).isEqualTo(403);
        assertThat(variables.body()).doesNotContain(phuXuan);
        assertThat(thuanHoaSupervisor.get("/engine-rest/history/process-instance/" + otherInstance).status())
                .isEqualTo(404);
        // counts say the same
        assertThat(thuanHoaSupervisor.get("/engine-rest/process-instance/count?businessKey=" + phuXuan).json()
                .get("count").asLong()).isZero();
        assertThat(thuanHoaSupervisor.get("/engine-rest/incident?incidentType=motcuaTest").json())
                .extracting(i -> i.get("configuration").asText()).contains(thuanHoa).doesNotContain(phuXuan, centre);
    }

    @Test
    void theCentreAndTheDepartmentEachSeeTheirOwnPartOfTheDossier() {
        String lifecycle = driver.lifecycle(centre).getId();
        String handling = driver.handling(centre).getId();
        Api centreSupervisor = Api.at(port).as("giamsat.hcc", "demo");
        assertThat(ids(centreSupervisor.get("/engine-rest/process-instance?businessKey=" + centre)))
                .contains(lifecycle).doesNotContain(handling);
        assertThat(ids(centreSupervisor.get("/engine-rest/task?processInstanceBusinessKey=" + centre))).isEmpty();

        Api departmentSupervisor = Api.at(port).as("giamsat.taichinh", "demo");
        assertThat(ids(departmentSupervisor.get("/engine-rest/process-instance?businessKey=" + centre)))
                .contains(handling).doesNotContain(lifecycle);
        assertThat(departmentSupervisor.get("/engine-rest/task?processInstanceBusinessKey=" + centre).json())
                .extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("Task_appraise");
    }

    @Test
    void theCitysSupervisorsAndTheAdministratorSeeEveryUnit() {
        for (Api all : List.of(Api.at(port).as("giamsat.noivu", "demo"), Api.at(port).as("demo", "demo"))) {
            assertSees(all, thuanHoa);
            assertSees(all, phuXuan);
            assertSees(all, centre);
            assertThat(all.get("/engine-rest/incident?incidentType=motcuaTest").json())
                    .extracting(i -> i.get("configuration").asText()).contains(thuanHoa, phuXuan);
        }
    }

    @Test
    void officersTasklistFiltersStillListTheirOwnTasksAndOnlyThose() {
        String filter = filters.createTaskFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        String thuanHoaTask = driver.task(thuanHoa, "Task_appraise").getId();
        String phuXuanTask = driver.task(phuXuan, "Task_appraise").getId();
        String centreTask = driver.task(centre, "Task_appraise").getId();

        assertThat(ids(Api.at(port).as("chuyenvien.thuanhoa", "demo").get("/engine-rest/filter/" + filter + "/list")))
                .contains(thuanHoaTask).doesNotContain(phuXuanTask, centreTask);
        assertThat(ids(Api.at(port).as("chuyenvien.phuxuan", "demo").get("/engine-rest/filter/" + filter + "/list")))
                .contains(phuXuanTask).doesNotContain(thuanHoaTask, centreTask);
        assertThat(ids(Api.at(port).as("chuyenvien.taichinh", "demo").get("/engine-rest/filter/" + filter + "/list")))
                .contains(centreTask).doesNotContain(thuanHoaTask, phuXuanTask);

        // and an officer cannot work another ward's task by its id
        Api officer = Api.at(port).as("chuyenvien.thuanhoa", "demo");
        assertThat(officer.post("/engine-rest/task/" + phuXuanTask + "/claim", "{\"userId\": \"chuyenvien.thuanhoa\"}")
                .status()).isEqualTo(403);
        assertThat(officer.post("/engine-rest/task/" + phuXuanTask + "/complete", "{}").status()).isEqualTo(403);
        assertThat(driver.task(phuXuan, "Task_appraise").getAssignee()).isNull();
        // the ward's own task, as before
        assertThat(officer.post("/engine-rest/task/" + thuanHoaTask + "/claim", "{\"userId\": \"chuyenvien.thuanhoa\"}")
                .status()).isEqualTo(204);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The caller reads the dossier's instances, tasks, variables, jobs, incidents and history. */
    private void assertSees(Api caller, String code) {
        Set<String> instances = instanceIds(code);
        String in = String.join(",", instances);
        assertThat(ids(caller.get("/engine-rest/process-instance?businessKey=" + code))).isNotEmpty()
                .isSubsetOf(instances);
        assertThat(ids(caller.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + code)))
                .isNotEmpty();
        assertThat(ids(caller.get("/engine-rest/task?processInstanceBusinessKey=" + code))).isNotEmpty();
        assertThat(ids(caller.get("/engine-rest/history/task?processInstanceBusinessKey=" + code))).isNotEmpty();
        assertThat(ids(caller.get("/engine-rest/execution?businessKey=" + code))).isNotEmpty();
        assertThat(ids(caller.get("/engine-rest/variable-instance?processInstanceIdIn=" + in))).isNotEmpty();
        assertThat(ids(caller.get("/engine-rest/history/variable-instance?processInstanceIdIn=" + in))).isNotEmpty();
        assertThat(detailsOf(caller, instances)).isNotEmpty();
        String handling = driver.handling(code).getId();
        assertThat(ids(caller.get("/engine-rest/job?processInstanceId=" + handling))).isNotEmpty();
        if (!code.equals(centre)) {
            assertThat(ids(caller.get("/engine-rest/incident?processInstanceId=" + handling))).isNotEmpty();
        }
    }

    /** The caller reads nothing of the dossier's instances, by any of the engine's lists. */
    private void assertSeesNothingOf(Api caller, String code) {
        Set<String> instances = instanceIds(code);
        String in = String.join(",", instances);
        assertThat(ids(caller.get("/engine-rest/process-instance?businessKey=" + code))).isEmpty();
        assertThat(ids(caller.get("/engine-rest/process-instance?processInstanceIds=" + in))).isEmpty();
        assertThat(ids(caller.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + code)))
                .isEmpty();
        assertThat(ids(caller.get("/engine-rest/task?processInstanceBusinessKey=" + code))).isEmpty();
        assertThat(ids(caller.get("/engine-rest/history/task?processInstanceBusinessKey=" + code))).isEmpty();
        assertThat(ids(caller.get("/engine-rest/execution?businessKey=" + code))).isEmpty();
        assertThat(ids(caller.get("/engine-rest/variable-instance?processInstanceIdIn=" + in))).isEmpty();
        assertThat(ids(caller.get("/engine-rest/history/variable-instance?processInstanceIdIn=" + in))).isEmpty();
        assertThat(detailsOf(caller, instances)).isEmpty();
        for (String instance : instances) {
            assertThat(ids(caller.get("/engine-rest/job?processInstanceId=" + instance))).isEmpty();
            assertThat(ids(caller.get("/engine-rest/incident?processInstanceId=" + instance))).isEmpty();
        }
        // the rows are there: the administrator reads them
        Api admin = Api.at(port).as("demo", "demo");
        assertThat(ids(admin.get("/engine-rest/variable-instance?processInstanceIdIn=" + in))).isNotEmpty();
        assertThat(detailsOf(admin, instances)).isNotEmpty();
    }

    private List<String> detailsOf(Api caller, Set<String> instances) {
        List<String> found = new ArrayList<>();
        for (String instance : instances) {
            found.addAll(ids(caller.get("/engine-rest/history/detail?processInstanceId=" + instance)));
        }
        return found;
    }

    private List<ProcessInstance> instances(String code) {
        return driver.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list();
    }

    /** Every process instance of the dossier, running or ended. */
    private Set<String> instanceIds(String code) {
        Set<String> ids = new TreeSet<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list()
                .forEach(instance -> ids.add(instance.getId()));
        return ids;
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode row : response.json()) {
            ids.add(row.get("id").asText());
        }
        return ids;
    }
}
