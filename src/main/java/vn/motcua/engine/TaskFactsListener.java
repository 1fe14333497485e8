package vn.motcua.engine;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

/**
 * Added to every user task (see {@link TaskFactsPlugin}): when a task is created it gets the
 * dossier's key facts as task-local variables, read from the dossier tables, so Tasklist's cards
 * and the form show them without the process carrying copies (and, where the form ticks papers
 * off, the checklist's choices); and the previous step's decision, note and papers are cleared so
 * that every decision is taken afresh. The form's dossier panel is not stored: it is built when
 * the form is read ({@link DossierPanelFormService}).
 */
@Component
class TaskFactsListener implements TaskListener {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Dossiers dossiers;
    private final DossierPanels panels;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    TaskFactsListener(Dossiers dossiers, DossierPanels panels, WorkingCalendar calendar, MessageSource messages) {
        this.dossiers = dossiers;
        this.panels = panels;
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String dossierCode = DossierKeys.of(task);
        if (dossierCode == null) {
            return;
        }
        task.removeVariable(ProcessVariables.DECISION);
        task.removeVariable(ProcessVariables.NOTE);
        task.removeVariable(ProcessVariables.RECEIVED_PAPERS);
        Dossier dossier = dossiers.require(dossierCode);
        Procedure procedure = dossiers.procedureOf(dossier);
        Map<String, Object> facts = new HashMap<>();
        // on the task itself: Tasklist's cards read task and process-instance variables, and a called
        // handling instance carries no copy of the dossier's code
        facts.put(ProcessVariables.DOSSIER_CODE, dossierCode);
        facts.put(ProcessVariables.APPLICANT_NAME, dossier.getApplicant().fullName());
        facts.put(ProcessVariables.PROCEDURE_NAME, procedure.getName());
        // the unit that holds this step (an interconnected set's agency), else the lead handling unit
        facts.put(ProcessVariables.UNIT_NAME, procedure.step(StepDeadlines.stepOf(task.getTaskDefinitionKey()))
                .map(procedure::unitOf).orElse(procedure.leadHandlingUnit()).getName());
        facts.put(ProcessVariables.RECEIVED_AT, format(dossier.getReceivedAt()));
        facts.put(ProcessVariables.APPOINTMENT_DATE, format(dossier.getAppointmentAt()));
        // the checklist's choices where the form ticks papers off (the dossier panel is added when the form is read)
        if (TaskProperties.of(task, ProcessVariables.PAPERS_PROPERTY).isPresent()) {
            facts.put(ProcessVariables.PAPER_OPTIONS, panels.paperOptions(dossier));
        }
        task.setVariablesLocal(facts);
    }

    private String format(Instant instant) {
        return instant == null ? messages.getMessage("task.facts.notYet", null, "-", VI)
                : VN.format(instant.atZone(calendar.zone()));
    }
}
