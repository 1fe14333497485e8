package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * The tasks' facts (panel, cards, checklist choices) are on the open tasks for Tasklist, but not in the engine's
 * history; what officers decide, and the instances' own variables, are.
 */
@MotcuaTest
class TaskFactsHistoryTest {

    /** Household business registration, at UBND phường Thuận Hóa. */
    static final String HOUSEHOLD_BUSINESS = "1.001612";

    @Autowired Driver driver;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired HistoryService history;
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
    void theTasksFactsStayOutOfTheHistoryAndTheDecisionsDoNot() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(code, "Task_receptionCheck", "APPROVE", "Đủ giấy tờ");
        String lifecycle = driver.lifecycle(code).getId();
        String handling = driver.handling(code).getId();

        // the open appraisal shows its facts; its form's dossier panel is built when the form is read, not stored
        String appraisal = driver.task(code, "Task_appraise").getId();
        assertThat(tasks.getVariablesLocal(appraisal)).containsKeys(ProcessVariables.APPLICANT_NAME,
                ProcessVariables.PROCEDURE_NAME, ProcessVariables.DOSSIER_CODE)
                .doesNotContainKey(ProcessVariables.DOSSIER_PANEL);
        assertThat(tasks.getVariablesLocal(appraisal).get(ProcessVariables.APPLICANT_NAME)).isEqualTo("Trần Thị Bình");
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ = 'dossierPanel'", Long.class))
                .isZero();
        assertThat(forms.getTaskFormVariables(appraisal).get(ProcessVariables.DOSSIER_PANEL).toString())
                .contains("\"fullName\":\"Trần Thị Bình\"");

        List<HistoricVariableInstance> kept = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(lifecycle, handling).includeDeleted().list();
        // none of the facts of the reception's task, nor of the appraisal's
        assertThat(kept).noneMatch(v -> v.getTaskId() != null && ProcessVariables.TASK_FACTS.contains(v.getName()));
        // the counter's decision and note, and the instances' own dossier code, are kept
        assertThat(kept).anyMatch(v -> v.getName().equals(ProcessVariables.DECISION) && "APPROVE".equals(v.getValue()));
        assertThat(kept).anyMatch(v -> v.getName().equals(ProcessVariables.NOTE) && "Đủ giấy tờ".equals(v.getValue()));
        assertThat(kept).anyMatch(v -> v.getName().equals(ProcessVariables.DOSSIER_CODE) && v.getTaskId() == null
                && code.equals(v.getValue()));
        // and no detail row either (the history of each value's changes)
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ in (?, ?)"
                + " and TASK_ID_ is not null and NAME_ in ('dossierPanel', 'applicantName', 'procedureName', 'unitName',"
                + " 'receivedAt', 'appointmentDate', 'paperOptions', 'dossierCode')", Long.class, lifecycle, handling))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = 'decision'",
                Long.class, lifecycle)).isPositive();
    }
}
