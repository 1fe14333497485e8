package vn.motcua.engine;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.Dossiers;
import vn.motcua.mail.MailTemplates;
import vn.motcua.mail.Mailer;
import vn.motcua.survey.ComplaintFiled;
import vn.motcua.survey.Invitation;
import vn.motcua.survey.SurveyAnswered;
import vn.motcua.survey.Surveys;

/**
 * The satisfaction survey in the engine: a closed dossier (returned, refused, stopped, withdrawn) starts
 * {@code satisfactionSurvey}, whose steps invite, remind and expire through {@link Surveys}; an
 * answer ends it; a complaint after a low score starts {@code surveyComplaint} for the supervisors
 * of the unit that received the dossier. Used in BPMN as {@code ${surveyTimers.…}} and the
 * {@code survey…Delegate} beans.
 */
@Component("surveyTimers")
public class SurveySteps {

    private static final Logger log = LoggerFactory.getLogger(SurveySteps.class);
    private static final Set<DossierStatus> CLOSING = Set.of(DossierStatus.RETURNED, DossierStatus.REFUSED,
            DossierStatus.STOPPED, DossierStatus.WITHDRAWN);

    private final Surveys surveys;
    private final Dossiers dossiers;
    private final Catalog catalog;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final StaffNotices staff;
    private final RuntimeService runtime;
    private final DossierTenantProvider tenants;

    SurveySteps(Surveys surveys, Dossiers dossiers, Catalog catalog, MailTemplates templates, Mailer mailer,
            StaffNotices staff, @Lazy RuntimeService runtime, DossierTenantProvider tenants) {
        this.tenants = tenants;
        this.surveys = surveys;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.templates = templates;
        this.mailer = mailer;
        this.staff = staff;
        this.runtime = runtime;
    }

    public Date remindAt(DelegateExecution execution) {
        return Date.from(surveys.remindAt(code(execution)));
    }

    public Date expiresAt(DelegateExecution execution) {
        return Date.from(surveys.expiresAt(code(execution)));
    }

    @EventListener
    void onStatusChanged(DossierStatusChanged change) {
        if (CLOSING.contains(change.to())) {
            SystemAccess.run(() -> DossierTenantProvider.startIn(ProcessVariables.SURVEY_PROCESS,
                    tenants.receivingUnit(change.code()), () -> runtime.startProcessInstanceByKey(
                            ProcessVariables.SURVEY_PROCESS, change.code(),
                            Map.of(ProcessVariables.DOSSIER_CODE, change.code()))));
        }
    }

    @EventListener
    void onAnswered(SurveyAnswered answered) {
        SystemAccess.run(() -> runtime.createMessageCorrelation(ProcessVariables.SURVEY_ANSWERED_MESSAGE)
                .processInstanceBusinessKey(answered.dossierCode()).correlateAllWithResult());
    }

    @EventListener
    void onComplaint(ComplaintFiled complaint) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.DOSSIER_CODE, complaint.dossierCode());
        variables.put(ProcessVariables.SUPERVISORS_GROUP, Role.SUPERVISORS.groupOf(complaint.unitKey()));
        variables.put(ProcessVariables.COMPLAINT_TEXT, complaint.text());
        variables.put(ProcessVariables.SURVEY_ID, complaint.surveyId());
        SystemAccess.run(() -> DossierTenantProvider.startIn(ProcessVariables.COMPLAINT_PROCESS,
                Tenants.ofUnit(complaint.unitKey()), () -> runtime.startProcessInstanceByKey(
                        ProcessVariables.COMPLAINT_PROCESS, complaint.dossierCode(), variables)));
    }

    /** The invitation, with the citizen's personal link. */
    JavaDelegate invite() {
        return execution -> {
            Invitation invitation = surveys.invite(code(execution));
            send("survey-invitation", invitation, "survey-invitation:" + invitation.dossierCode() + ":"
                    + invitation.surveyId());
        };
    }

    /** The one reminder, when still unanswered. */
    JavaDelegate remind() {
        return execution -> surveys.reminder(code(execution)).ifPresent(invitation -> send("survey-reminder",
                invitation, "survey-reminder:" + invitation.dossierCode() + ":" + invitation.surveyId()));
    }

    JavaDelegate expire() {
        return execution -> surveys.expire(code(execution));
    }

    /** The complaint, to the supervisors of the unit that received the dossier. */
    JavaDelegate mailComplaint() {
        return execution -> staff.complaint(code(execution),
                (String) execution.getVariable(ProcessVariables.SUPERVISORS_GROUP),
                (String) execution.getVariable(ProcessVariables.COMPLAINT_TEXT),
                ((Number) execution.getVariable(ProcessVariables.SURVEY_ID)).longValue());
    }

    private void send(String mail, Invitation invitation, String key) {
        if (invitation.email() == null || invitation.email().isBlank()) {
            log.info("Dossier {} has no e-mail address: no survey {}", invitation.dossierCode(), mail);
            return;
        }
        Dossier dossier = dossiers.require(invitation.dossierCode());
        Procedure procedure = dossiers.procedureOf(dossier);
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", catalog.unit(dossier.getReceivingUnit()).map(Unit::getName).orElse(""));
        model.put("applicantName", invitation.applicantName());
        model.put("dossierCode", invitation.dossierCode());
        model.put("procedureName", procedure.getName());
        model.put("link", invitation.link());
        model.put("expiresAt", invitation.expiresAt());
        mailer.send(templates.compose(mail, model, List.of(invitation.email())), key);
    }

    private static String code(DelegateExecution execution) {
        return DossierKeys.of(execution);
    }
}
