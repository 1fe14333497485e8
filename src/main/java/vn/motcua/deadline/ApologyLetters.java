package vn.motcua.deadline;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Unit;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

/**
 * What the apology and request for extension (Form 04) says, from its re-appointment record; the document
 * module renders it with the issuer's heading and number.
 */
@Component
public class ApologyLetters {

    private final Dossiers dossiers;
    private final Catalog catalog;

    ApologyLetters(Dossiers dossiers, Catalog catalog) {
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
        model.put("extensionDays", r.getExtensionDays());
        model.put("signerName", r.getSignerName());
        model.put("issuedAt", r.getApprovedAt());
        return model;
    }
}
