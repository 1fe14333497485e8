package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * The shared Tasklist filters, run as the officers and supervisors who use them, with the engine
 * clock moving the household business appraisal (due Wednesday 09:00, due soon from Tuesday 15:00).
 */
@MotcuaTest
class FiltersTest {

    @Autowired FilterService filters;
    @Autowired IdentityService identity;
    @Autowired Driver driver;

    String code;

    @BeforeEach
    void setUp() {
        clock("2025-11-24T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
        code = driver.intake("1.001612");
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        Staff.clear();
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void officersSeeTheirGroupsWorkAndItsDeadlines() {
        String specialist = "chuyenvien.thuanhoa";
        String group = "phuongthuanhoa_specialists";
        assertThat(list("Việc của đơn vị", specialist, group)).contains("Task_appraise");
        assertThat(list("Việc của tôi", specialist, group)).doesNotContain("Task_appraise");
        assertThat(list("Sắp đến hạn", specialist, group)).doesNotContain("Task_appraise");
        assertThat(list("Quá hạn", specialist, group)).doesNotContain("Task_appraise");
        // another ward's counter sees none of it
        assertThat(list("Việc của đơn vị", "tiepnhan.phuxuan", "phuongphuxuan_reception")).isEmpty();

        clock("2025-11-25T15:30+07:00");
        assertThat(list("Sắp đến hạn", specialist, group)).contains("Task_appraise");
        driver.tasks.claim(driver.task(code, "Task_appraise").getId(), specialist);
        assertThat(list("Việc của tôi", specialist, group)).contains("Task_appraise");
        assertThat(list("Sắp đến hạn", specialist, group)).contains("Task_appraise");

        clock("2025-11-26T10:00+07:00");
        assertThat(list("Sắp đến hạn", specialist, group)).doesNotContain("Task_appraise");
        assertThat(list("Quá hạn", specialist, group)).contains("Task_appraise");
    }

    @Test
    void supervisorsFindTheEscalationsOfTheirUnit() {
        clock("2025-11-26T09:05+07:00");
        driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        String supervisors = "phuongthuanhoa_supervisors";
        assertThat(list("Hồ sơ quá hạn cần giám sát xử lý", "giamsat.thuanhoa", supervisors))
                .containsExactly("Task_handleEscalation");
        assertThat(list("Hồ sơ quá hạn cần giám sát xử lý", "chuyenvien.thuanhoa", "phuongthuanhoa_specialists"))
                .isEmpty();
        assertThat(list("Hồ sơ quá hạn cần giám sát xử lý", "giamsat.phuxuan", "phuongphuxuan_supervisors"))
                .isEmpty();
    }

    /** The task keys of this dossier that the named filter lists for this user, as Tasklist would run it. */
    private List<String> list(String filterName, String user, String... groups) {
        Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
        assertThat(filter).as("filter %s", filterName).isNotNull();
        // as the REST API and the webapps authenticate: with the tenants of the user's groups
        identity.setAuthentication(user, List.of(groups), tenantsOf(groups));
        List<Task> found;
        try {
            found = filters.list(filter.getId());
        } finally {
            identity.clearAuthentication();
        }
        return found.stream().filter(t -> code.equals(businessKey(t))).map(Task::getTaskDefinitionKey).toList();
    }

    private List<String> tenantsOf(String... groups) {
        return java.util.Arrays.stream(groups)
                .flatMap(group -> identity.createTenantQuery().groupMember(group).list().stream())
                .map(org.camunda.bpm.engine.identity.Tenant::getId).distinct().toList();
    }

    private String businessKey(Task task) {
        return driver.runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
    }
}
