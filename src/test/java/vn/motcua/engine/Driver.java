package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;

/** Drives dossiers through the real engine in tests: intake, tasks, decisions, the clock and jobs. */
public class Driver {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Dossiers dossiers;

    /** Files a counter dossier for the procedure (the caller must act as staff of its receiving unit). */
    public String intake(String procedure) {
        return dossiers.intake(new IntakeRequest(procedure, Channel.COUNTER,
                new IntakeRequest.ApplicantData("Trần Thị Bình", "046190001234", "0905123456", "binh@example.com",
                        "5 Hùng Vương, phường Thuận Hóa, Huế"),
                Map.of())).getCode();
    }

    /** Sets the engine clock (and with it the project's clock) to an ISO instant with offset. */
    public static void clock(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    public static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    public ProcessInstance instance(String code, String... processKeys) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).processDefinitionKeyIn(processKeys)
                .singleResult();
    }

    public ProcessInstance lifecycle(String code) {
        return instance(code, "dossierLifecycle");
    }

    public ProcessInstance handling(String code) {
        return instance(code, "handlingStandard", "handlingSiteInspection");
    }

    public Task task(String code, String step) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(step).singleResult();
        assertThat(task).as("open task %s of %s", step, code).isNotNull();
        return task;
    }

    public boolean hasTask(String code, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(step).count() > 0;
    }

    public List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
    }

    public void complete(String code, String step, String decision, String note) {
        complete(code, step, decision, note, Map.of());
    }

    public void complete(String code, String step, String decision, String note, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        if (decision != null) {
            variables.put("decision", decision);
        }
        if (note != null) {
            variables.put("note", note);
        }
        tasks.complete(task(code, step).getId(), variables);
    }

    /** The timer jobs of the dossier's open task for this step (its due-soon and overdue listeners). */
    public List<Job> taskTimers(String code, String step) {
        Task task = task(code, step);
        return management.createJobQuery().executionId(task.getExecutionId()).timers().orderByJobDuedate().asc()
                .list();
    }

    /** The timer jobs of every process of the dossier, earliest first. */
    public List<Job> timers(String code) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).timers().list().stream())
                .sorted(Comparator.comparing(Job::getDuedate)).toList();
    }

    /** The asynchronous (non-timer) jobs of the dossier's processes of this key. */
    public List<Job> asyncJobs(String code, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).processDefinitionKey(processKey)
                .list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).messages().list().stream())
                .toList();
    }

    /** Runs the jobs of the citizen notices waiting for this dossier (the mails to the citizen). */
    public void sendCitizenNotices(String code) {
        asyncJobs(code, "citizenNotice").forEach(this::execute);
    }

    public void execute(Job job) {
        management.executeJob(job.getId());
    }
}
