package vn.motcua.survey;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;

import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/**
 * Dossiers of household business registration (1.001612, UBND phường Thuận Hóa) taken through the
 * real engine to their return at the counter, each step claimed and completed by a named officer, so
 * the survey knows who handled them.
 */
class ClosedDossiers {

    static final String PROCEDURE = "1.001612";
    static final String UNIT = "phuongthuanhoa";
    static final String COUNTER = "tiepnhan.thuanhoa";
    static final String SPECIALIST = "chuyenvien.thuanhoa";
    static final String SPECIALIST_2 = "chuyenvien2.thuanhoa";
    static final String LEADER = "lanhdao.thuanhoa";

    private final Driver driver;
    private final TaskService tasks;

    ClosedDossiers(Driver driver, TaskService tasks) {
        this.driver = driver;
        this.tasks = tasks;
    }

    /** A dossier received by the counter, appraised by the specialist, approved and returned. */
    String returned(String specialist) {
        Staff.actAs("demo", "camunda-admin");
        String code = driver.intake(PROCEDURE);
        // the reception is recorded in the history as the counter officer's
        Staff.actAs(COUNTER, UNIT + "_reception");
        complete(code, "Task_receptionCheck", COUNTER, Map.of("decision", "APPROVE"));
        Staff.actAs("demo", "camunda-admin");
        complete(code, "Task_appraise", specialist, Map.of("decision", "APPROVE"));
        complete(code, "Task_approve", LEADER, Map.of("decision", "APPROVE"));
        complete(code, "Task_returnResult", COUNTER, Map.of("returnMethod", "COUNTER"));
        return code;
    }

    String returned() {
        return returned(SPECIALIST);
    }

    /** A dossier filed and not yet received. */
    String filed() {
        Staff.actAs("demo", "camunda-admin");
        return driver.intake(PROCEDURE);
    }

    private void complete(String code, String step, String officer, Map<String, Object> variables) {
        String id = driver.task(code, step).getId();
        tasks.claim(id, officer);
        tasks.complete(id, variables);
    }
}
