package vn.motcua.engine;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Names of the process variables and message names the BPMN files share with the code. */
final class ProcessVariables {

    /**
     * A copy of the dossier code, for Tasklist's list columns only. The dossier is the process
     * instance's business key (see {@link DossierKeys}); nothing decides from this variable.
     */
    static final String DOSSIER_CODE = "dossierCode";
    /** The decision of the user task just completed: APPROVE, SUPPLEMENT or REFUSE. */
    static final String DECISION = "decision";
    /** The officer's note on that decision (what is missing, the reasons). */
    static final String NOTE = "note";
    /** Set by the handling process when it ends: APPROVED, REJECTED or STOPPED. */
    static final String HANDLING_OUTCOME = "handlingOutcome";
    /** Input parameter of the status service tasks. */
    static final String TARGET_STATUS = "targetStatus";

    /** Task-local variables that show the dossier's key facts in the forms. */
    static final String APPLICANT_NAME = "applicantName";
    static final String PROCEDURE_NAME = "procedureName";
    static final String UNIT_NAME = "unitName";
    static final String RECEIVED_AT = "receivedAt";
    static final String APPOINTMENT_DATE = "appointmentDate";
    /**
     * The dossier panel every task form shows (JSON): code, procedure, applicant, fields as filed, papers with their
     * files, documents, history, the previous step's opinion; built from the dossier tables ({@link DossierPanels}).
     */
    static final String DOSSIER_PANEL = "dossierPanel";
    /** The choices of a papers checklist (JSON, label and value per paper of the dossier). */
    static final String PAPER_OPTIONS = "paperOptions";
    /** The papers checklist of a form: the positions of the papers received (JSON array of strings). */
    static final String RECEIVED_PAPERS = "receivedPapers";
    /** The return-result form: how the result is handed over (COUNTER, POST, ONLINE). */
    static final String RETURN_METHOD = "returnMethod";

    /** The escalation process: the escalation's id, the overdue task, its name, who handles it. */
    static final String ESCALATION_ID = "escalationId";
    static final String STEP_TASK_ID = "stepTaskId";
    static final String STEP_NAME = "stepName";
    static final String SUPERVISORS_GROUP = "supervisorsGroup";
    /** The escalation task: the officer a REASSIGN decision gives the step to. */
    static final String NEW_ASSIGNEE = "newAssignee";

    /** The apology (Form 04): why the dossier is late, the extension asked, who drafted it. */
    static final String REASON = "reason";
    static final String EXTENSION_DAYS = "extensionDays";
    static final String DRAFTED_BY = "draftedBy";
    static final String PROPOSED_APPOINTMENT = "proposedAppointment";
    static final String REAPPOINTMENT_ID = "reappointmentId";

    /** The citizen notice process: which notice, and the key it is sent under once. */
    static final String NOTICE = "notice";
    static final String NOTICE_KEY = "noticeKey";

    /** The survey complaint process: what the citizen wrote, and the survey. */
    static final String COMPLAINT_TEXT = "complaintText";
    static final String SURVEY_ID = "surveyId";

    /** The periodic report: the month it reports (yyyy-MM), and who asked for a run on demand. */
    static final String REPORT_MONTH = "reportMonth";
    static final String REQUESTED_BY = "requestedBy";

    /** The BPMN extension property listing the decisions a user task accepts. */
    static final String DECISIONS_PROPERTY = "decisions";
    /**
     * The BPMN extension property of a task whose form has the papers checklist: {@code checklist} (the reception
     * check) or {@code supplement} (recording a supplement: something must be recorded).
     */
    static final String PAPERS_PROPERTY = "papers";
    /** A user task's BPMN property {@code note=required}: the officer must write the note (e.g. the receipt paid). */
    static final String NOTE_PROPERTY = "note";

    static final String LIFECYCLE_PROCESS = "dossierLifecycle";
    static final String SUPPLEMENT_MESSAGE = "SupplementReceived";
    static final String FEES_PAID_MESSAGE = "FeesPaid";
    /** Set by an agency's part of an interconnected set when it ends: the decision taken on it. */
    static final String PART_OUTCOME = "partOutcome";
    static final String WATCH_PROCESS = "appointmentWatch";
    static final String NOTICE_PROCESS = "citizenNotice";
    static final String SURVEY_PROCESS = "satisfactionSurvey";
    static final String SURVEY_ANSWERED_MESSAGE = "SurveyAnswered";
    static final String COMPLAINT_PROCESS = "surveyComplaint";
    static final String FINISHED_MESSAGE = "DossierFinished";
    static final String EXTENSION_MESSAGE = "ExtensionRequested";
    static final String PAUSED_MESSAGE = "ClockPaused";
    static final String RESUMED_MESSAGE = "ClockResumed";
    static final String PERIODIC_REPORT_PROCESS = "periodicReport";
    static final String PERIODIC_REPORT_MESSAGE = "PeriodicReportRequested";
    /** The forecast's watch: the Tasklist flag of the dossiers at risk, and the supervisors' daily digest. */
    static final String AT_RISK_FLAGS_PROCESS = "atRiskFlags";
    static final String AT_RISK_DIGEST_PROCESS = "atRiskDigest";
    /** On each running process instance of a dossier at risk: true (removed when it no longer is). */
    static final String AT_RISK = "atRisk";
    /** Beside {@link #AT_RISK}: the risk and its reasons in words, for Tasklist's cards. */
    static final String AT_RISK_REASON = "atRiskReason";
    /** The day a digest reports (yyyy-MM-dd), fixed when its timer fires. */
    static final String DIGEST_DAY = "digestDay";

    /** What each agency's part of an interconnected set ended with, as its set process keeps it. */
    static final Set<String> SET_OUTCOMES = Set.of("birthOutcome", "residenceOutcome", "insuranceOutcome",
            "landOutcome", "taxOutcome", "approvalOutcome");

    /**
     * The dossier's facts a task shows, set on the task itself by the engine when it is created; only
     * ever displayed (the dossier's code there is a copy of the business key, for Tasklist's cards).
     */
    static final Set<String> TASK_FACTS = Set.of(DOSSIER_CODE, APPLICANT_NAME, PROCEDURE_NAME, UNIT_NAME, RECEIVED_AT,
            APPOINTMENT_DATE, PROPOSED_APPOINTMENT, DOSSIER_PANEL, PAPER_OPTIONS);

    /**
     * The variables the engine owns: set by the project's code or the BPMN, never by an officer. No caller
     * of the REST APIs may write them ({@link EngineVariableGuard} lets through only what the forms ask
     * for), and no form may ask for one ({@link FormVariables} checks at start-up).
     */
    static final Set<String> ENGINE_OWNED = engineOwned();

    private static Set<String> engineOwned() {
        Set<String> names = new TreeSet<>(List.of(DOSSIER_CODE, HANDLING_OUTCOME, TARGET_STATUS, ESCALATION_ID,
                STEP_TASK_ID, STEP_NAME, SUPERVISORS_GROUP, DRAFTED_BY, REAPPOINTMENT_ID, NOTICE, NOTICE_KEY,
                COMPLAINT_TEXT, SURVEY_ID, REPORT_MONTH, REQUESTED_BY, PART_OUTCOME, AT_RISK, AT_RISK_REASON, DIGEST_DAY));
        names.addAll(SET_OUTCOMES);
        names.addAll(TASK_FACTS);
        return Collections.unmodifiableSet(names);
    }

    private ProcessVariables() {
    }
}
