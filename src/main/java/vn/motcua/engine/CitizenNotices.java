package vn.motcua.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Unit;
import vn.motcua.deadline.ApologyLetters;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Reappointment;
import vn.motcua.document.Documents;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.StatusChange;
import vn.motcua.mail.MailMessage;
import vn.motcua.mail.MailTemplates;
import vn.motcua.mail.Mailer;

/**
 * Mails to the citizen: a status change (with the form that goes with it), the apology and new
 * appointment. A citizen without an e-mail address is told at the counter.
 */
@Component
class CitizenNotices {

    private static final Logger log = LoggerFactory.getLogger(CitizenNotices.class);

    /** The mail and the form (Circular 03/2025) that go with each status a citizen is told about. */
    enum Notice {
        RECEIPT(DossierStatus.RECEIVED, "receipt", "01"),
        SUPPLEMENT(DossierStatus.SUPPLEMENT_REQUESTED, "supplement-request", "02"),
        REFUSAL(DossierStatus.REFUSED, "refusal", "03"),
        STOP(DossierStatus.STOPPED, "stopped", "05"),
        FEES_DUE(DossierStatus.FEES_DUE, "fees-due", null),
        RESULT_READY(DossierStatus.DONE, "result-ready", null);

        final DossierStatus status;
        final String mail;
        final String form;

        Notice(DossierStatus status, String mail, String form) {
            this.status = status;
            this.mail = mail;
            this.form = form;
        }

        static Optional<Notice> of(DossierStatus status) {
            return Arrays.stream(values()).filter(n -> n.status == status).findFirst();
        }
    }

    private final MailTemplates templates;
    private final Mailer mailer;
    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final ApologyLetters letters;
    private final Documents documents;
    private final Catalog catalog;
    private final SiteProperties site;

    CitizenNotices(MailTemplates templates, Mailer mailer, Dossiers dossiers, Deadlines deadlines,
            ApologyLetters letters, Documents documents, Catalog catalog, SiteProperties site) {
        this.templates = templates;
        this.mailer = mailer;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.letters = letters;
        this.documents = documents;
        this.catalog = catalog;
        this.site = site;
    }

    /**
     * Tells the citizen about a status change, with its form attached.
     *
     * @param key names the change for good (the mail is sent once per key)
     */
    void statusChanged(String code, Notice notice, String key) {
        Dossier dossier = dossiers.require(code);
        String email = dossier.getApplicant().email();
        if (email == null || email.isBlank()) {
            log.info("Dossier {} has no e-mail address: notice {} is given at the counter", code, notice);
            return;
        }
        Procedure procedure = dossiers.procedureOf(dossier);
        boolean atTheHandlingUnit = dossier.getReceivedAt() != null
                && (notice == Notice.SUPPLEMENT || notice == Notice.STOP);
        String unitKey = atTheHandlingUnit ? deadlines.holdingUnit(code) : procedure.getReceivingUnit().getKey();
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", catalog.unit(unitKey).map(Unit::getName).orElse(unitKey));
        model.put("applicantName", dossier.getApplicant().fullName());
        model.put("dossierCode", code);
        model.put("procedureName", procedure.getName());
        model.put("receivedAt", dossier.getReceivedAt());
        model.put("appointmentAt", dossier.getAppointmentAt());
        model.put("appointmentNotice", dossiers.appointmentNotice(dossier).orElse(null));
        model.put("note", latestNote(code, notice.status));
        model.put("lookupUrl", site.baseUrl() + "/tra-cuu");
        model.put("baseUrl", site.baseUrl());
        MailMessage message = templates.compose(notice.mail, model, List.of(email));
        if (notice.form != null) {
            // the form as PDF, the issued document as it prints (its HTML stays for printing at the counter)
            message = message.withAttachment("Mau-" + notice.form + "-" + code + ".pdf", "application/pdf",
                    documents.pdf(code, notice.form, null));
        }
        mailer.send(message, key);
    }

    /** The officer's note on the latest change to this status: what is missing, the reasons. */
    private String latestNote(String code, DossierStatus status) {
        List<StatusChange> history = dossiers.history(code);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).getTo() == status) {
                return history.get(i).getNote() == null ? "" : history.get(i).getNote();
            }
        }
        return "";
    }

    /** The apology and new appointment, with the Form 04 letter attached. */
    void apology(String code, long reappointmentId) {
        Dossier dossier = dossiers.require(code);
        String email = dossier.getApplicant().email();
        if (email == null || email.isBlank()) {
            log.info("Dossier {} has no e-mail address: the Form 04 letter is handed over at the counter", code);
            return;
        }
        Reappointment reappointment = deadlines.reappointment(code, reappointmentId);
        MailMessage message = templates.compose("apology", letters.model(reappointment), List.of(email))
                .withAttachment("Mau-04-" + code + ".pdf", "application/pdf",
                        documents.apologyPdf(code, reappointmentId));
        mailer.send(message, "apology:" + code + ":" + reappointmentId);
    }
}
