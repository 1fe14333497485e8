package vn.motcua.engine;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Role;
import vn.motcua.catalog.StepShare;
import vn.motcua.dossier.Dossiers;

/**
 * Who works a dossier's tasks, and which process handles it, taken from the catalog. Used in BPMN
 * expressions as {@code ${assignment.…(execution.processBusinessKey)}}: the dossier is the process
 * instance's business key, never a variable.
 */
@Component("assignment")
public class Assignment {

    private final Dossiers dossiers;

    Assignment(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    /** The one-stop counter of the unit that received the dossier. */
    public List<String> reception(String dossierCode) {
        return List.of(procedure(dossierCode).getReceivingUnit().group(Role.RECEPTION));
    }

    /** The specialists of the lead handling unit. */
    public List<String> specialists(String dossierCode) {
        return List.of(procedure(dossierCode).leadHandlingUnit().group(Role.SPECIALISTS));
    }

    /**
     * Who records a supplement asked for during handling: the unit that asked (the lead handling unit), its
     * specialists and its own counter.
     */
    public List<String> supplementRecorders(String dossierCode) {
        var unit = procedure(dossierCode).leadHandlingUnit();
        return List.of(unit.group(Role.SPECIALISTS), unit.group(Role.RECEPTION));
    }

    /** The leaders of the lead handling unit. */
    public List<String> leaders(String dossierCode) {
        return List.of(procedure(dossierCode).leadHandlingUnit().group(Role.LEADERS));
    }

    /**
     * The group of the given role in the unit that holds the step the execution is in, as the
     * catalog's internal process names it: how an agency's part of an interconnected set finds its
     * officers ({@code ${assignment.forStep(execution, 'SPECIALISTS')}}).
     */
    public List<String> forStep(DelegateExecution execution, String role) {
        Procedure procedure = procedure(DossierKeys.of(execution));
        String step = StepDeadlines.stepOf(execution.getCurrentActivityId());
        StepShare share = procedure.step(step).orElseThrow(() -> new IllegalStateException(
                "Procedure " + procedure.getCode() + " has no step " + step + " in its internal process"));
        return List.of(procedure.unitOf(share).group(Role.valueOf(role)));
    }

    /** The key of the procedure's own handling process. */
    public String handlingProcess(String dossierCode) {
        return procedure(dossierCode).getProcessKey();
    }

    private Procedure procedure(String dossierCode) {
        return dossiers.procedureOf(dossiers.require(dossierCode));
    }
}
