package vn.motcua.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;

/**
 * Moves the dossier to the status named by the service task's {@code targetStatus} input, with the
 * note of the decision that led here.
 */
@Component("dossierStatusDelegate")
class DossierStatusDelegate implements JavaDelegate {

    private final Dossiers dossiers;
    private final IdentityService identity;

    DossierStatusDelegate(Dossiers dossiers, IdentityService identity) {
        this.dossiers = dossiers;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DossierStatus target = DossierStatus.valueOf((String) execution.getVariableLocal(ProcessVariables.TARGET_STATUS));
        String code = DossierKeys.of(execution);
        Authentication auth = identity.getCurrentAuthentication();
        dossiers.changeStatus(code, target, execution.getCurrentActivityId(), auth == null ? null : auth.getUserId(),
                (String) execution.getVariable(ProcessVariables.NOTE));
    }
}
