package vn.motcua.deadline;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.mail.MailTemplates;

/** The apology and new appointment letter (Form 04), rendered from its re-appointment record. */
@Component
public class ApologyLetters {

    static final String TEMPLATE = "documents/form-04.html.vm";

    private final MailTemplates templates;
    private final Dossiers dossiers;
    private final Catalog catalog;

    ApologyLetters(MailTemplates templates, Dossiers dossiers, Catalog catalog) {
        this.templates = templates;
        this.dossiers = dossiers;
        this.catalog = catalog;
    }

    /** What the letter and the mail that carries it say: the dossier, the dates, the reason, the signer. */
    public Map<String, Object> model(Reappointment r) {
        Dossier dossier = dossiers.require(r.getDossierCode());
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", catalog.unit(r.getUnitKey()).map(Unit::getName).orElse(r.getUnitKey()));
        model.put("dossierCode", dossier.getCode());
        model.put("applicantName", dossier.getApplicant().fullName());
        model.put("applicantAddress", dossier.getApplicant().address());
        model.put("procedureName", dossiers.procedureOf(dossier).getName());
        model.put("receivedAt", dossier.getReceivedAt());
        model.put("previousAppointment", r.getPreviousAppointmentAt());
        model.put("newAppointment", r.getNewAppointmentAt());
        model.put("reason", r.getReason());
        model.put("signerName", r.getSignerName());
        model.put("issuedAt", r.getApprovedAt());
        return model;
    }

    public String render(Reappointment r) {
        return templates.render(TEMPLATE, model(r));
    }
}
