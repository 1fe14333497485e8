package vn.motcua.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Escalation;
import vn.motcua.deadline.Handover;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.mail.MailTemplates;
import vn.motcua.mail.Mailer;

/**
 * Mails to officers and supervisors about a step's deadline. Recipients are the officer holding
 * the task, else the members of its candidate groups, with their e-mail addresses from the
 * identity service. Every mail has an idempotency key, so a retried job never sends it twice.
 */
@Component
class StaffNotices {

    private static final Logger log = LoggerFactory.getLogger(StaffNotices.class);
    private static final long MINUTES_PER_WORKING_DAY = 8 * 60;
    /** The overdue step's mail is keyed {@code step-overdue:<dossier>:h<handover id>}: once per handover. */
    static final String OVERDUE_KEY_PREFIX = "step-overdue:";
    static final String OVERDUE_KEY_HANDOVER = ":h";

    private final MailTemplates templates;
    private final Mailer mailer;
    private final IdentityService identity;
    private final TaskService tasks;
    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final Catalog catalog;
    private final WorkingCalendar calendar;
    private final SiteProperties site;

    StaffNotices(MailTemplates templates, Mailer mailer, @Lazy IdentityService identity, @Lazy TaskService tasks,
            Dossiers dossiers, Deadlines deadlines, Catalog catalog, WorkingCalendar calendar, SiteProperties site) {
        this.templates = templates;
        this.mailer = mailer;
        this.identity = identity;
        this.tasks = tasks;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.calendar = calendar;
        this.site = site;
    }

    /** Tells whoever works the step's task that it is due soon. */
    void dueSoon(String code, String taskId) {
        Task task = SystemAccess.task(tasks, taskId);
        if (task == null) {
            return;
        }
        Handover step = deadlines.step(code, StepDeadlines.stepOf(task.getTaskDefinitionKey()));
        send("step-due-soon", model(code, task, step), officersOf(task), "step-due-soon:" + code + ":" + taskId);
    }

    /** Tells a unit's supervisors that a step is overdue. */
    void overdue(String code, String taskId, String stepName, String supervisorsGroup, long escalationId) {
        overdue(code, taskId, stepName, supervisorsGroup, escalationId, null);
    }

    /**
     * Tells a unit's supervisors that a step is overdue once the caller's transaction (the overdue timer's job, which
     * records the escalation) has committed; the mail is made now. See {@link Mailer#sendAfterCommit}.
     *
     * @param notSent what to do when the server does not take it after the commit
     */
    void overdueAfterCommit(String code, String taskId, String stepName, String supervisorsGroup, long escalationId,
            Consumer<RuntimeException> notSent) {
        overdue(code, taskId, stepName, supervisorsGroup, escalationId, Objects.requireNonNull(notSent));
    }

    private void overdue(String code, String taskId, String stepName, String supervisorsGroup, long escalationId,
            Consumer<RuntimeException> afterCommitNotSent) {
        Escalation escalation = deadlines.escalation(escalationId);
        if (escalation.getOutcome() != null) {
            // sent again from the background after the supervisors already decided: nothing left to tell them
            log.info("Dossier {}: the supervisors decided on the overdue step before its mail could go; not sent", code);
            return;
        }
        Task task = SystemAccess.task(tasks, taskId);
        Handover step = deadlines.handover(escalation.getHandoverId());
        Map<String, Object> model = model(code, task, step);
        model.put("stepName", stepName);
        // how late, in working time: a "day" of the duration is a working day of 8 hours
        long late = calendar.workingMinutesBetween(step.getDueAt(), calendar.now());
        model.put("overdueBy", Duration.ofDays(late / MINUTES_PER_WORKING_DAY).plusMinutes(late % MINUTES_PER_WORKING_DAY));
        // keyed by the step's handover, which a retry of the overdue timer's job finds again (an escalation rolled back
        // with that job is recorded anew, under another id): one escalation, so one mail, per handover
        List<String> to = membersOf(List.of(supervisorsGroup));
        String key = OVERDUE_KEY_PREFIX + code + OVERDUE_KEY_HANDOVER + step.getId();
        if (afterCommitNotSent == null || to.isEmpty()) {
            send("step-overdue", model, to, key);
        } else {
            mailer.sendAfterCommit(templates.compose("step-overdue", model, to), key, afterCommitNotSent);
        }
    }

    /** Passes the supervisors' urging on to whoever works the overdue task. */
    void urge(String code, String taskId, String stepName, String note, long escalationId) {
        Task task = SystemAccess.task(tasks, taskId);
        if (task == null) {
            return;
        }
        Handover step = deadlines.step(code, StepDeadlines.stepOf(task.getTaskDefinitionKey()));
        Map<String, Object> model = model(code, task, step);
        model.put("stepName", stepName);
        model.put("note", note == null ? "" : note);
        send("step-urged", model, officersOf(task), "step-urged:" + code + ":" + escalationId);
    }

    /** Passes a citizen's complaint after a low score on to the supervisors of the unit that received the dossier. */
    void complaint(String code, String supervisorsGroup, String text, long surveyId) {
        Dossier dossier = dossiers.require(code);
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", catalog.unit(dossier.getReceivingUnit()).map(Unit::getName).orElse(""));
        model.put("applicantName", dossier.getApplicant().fullName());
        model.put("dossierCode", code);
        model.put("procedureName", dossiers.procedureOf(dossier).getName());
        model.put("complaintText", text);
        model.put("baseUrl", site.baseUrl());
        send("survey-complaint", model, membersOf(List.of(supervisorsGroup)), "survey-complaint:" + code + ":" + surveyId);
    }

    private Map<String, Object> model(String code, Task task, Handover step) {
        Dossier dossier = dossiers.require(code);
        Procedure procedure = dossiers.procedureOf(dossier);
        Map<String, Object> model = new HashMap<>();
        model.put("dossierCode", code);
        model.put("procedureName", procedure.getName());
        model.put("applicantName", dossier.getApplicant().fullName());
        model.put("stepName", task == null ? step.getStep() : task.getName());
        model.put("unitName", catalog.unit(step.getUnitKey()).map(Unit::getName).orElse(step.getUnitKey()));
        model.put("dueAt", step.getDueAt());
        model.put("baseUrl", site.baseUrl());
        if (task != null && task.getAssignee() != null) {
            User officer = SystemAccess.user(identity, task.getAssignee());
            if (officer != null) {
                model.put("officerName", (officer.getFirstName() + " " + officer.getLastName()).strip());
            }
        }
        return model;
    }

    private void send(String template, Map<String, Object> model, List<String> to, String key) {
        if (to.isEmpty()) {
            log.warn("Nobody to tell by mail ({}): no e-mail address for {}", template, key);
            return;
        }
        mailer.send(templates.compose(template, model, to), key);
    }

    private List<String> officersOf(Task task) {
        if (task.getAssignee() != null) {
            User assignee = SystemAccess.user(identity, task.getAssignee());
            List<String> one = assignee == null ? List.of() : emails(List.of(assignee));
            if (!one.isEmpty()) {
                return one;
            }
        }
        List<String> groups = SystemAccess.call(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        return membersOf(groups);
    }

    private List<String> membersOf(List<String> groups) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String group : groups) {
            addresses.addAll(emails(SystemAccess.call(() -> identity.createUserQuery().memberOfGroup(group).list())));
        }
        return new ArrayList<>(addresses);
    }

    private static List<String> emails(List<User> users) {
        return users.stream().map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
    }
}
