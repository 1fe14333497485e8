package vn.motcua.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.ApologyLetters;
import vn.motcua.deadline.Deadlines;
import vn.motcua.deadline.Reappointment;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.mail.MailMessage;
import vn.motcua.mail.MailTemplates;
import vn.motcua.mail.Mailer;

/** Mails to the citizen about the dossier's dates. A citizen without an e-mail address is told at the counter. */
@Component
class CitizenNotices {

    private static final Logger log = LoggerFactory.getLogger(CitizenNotices.class);

    private final MailTemplates templates;
    private final Mailer mailer;
    private final Dossiers dossiers;
    private final Deadlines deadlines;
    private final ApologyLetters letters;

    CitizenNotices(MailTemplates templates, Mailer mailer, Dossiers dossiers, Deadlines deadlines,
            ApologyLetters letters) {
        this.templates = templates;
        this.mailer = mailer;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.letters = letters;
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
                .withAttachment("Mau-04-" + code + ".html", "text/html; charset=UTF-8",
                        letters.render(reappointment).getBytes(StandardCharsets.UTF_8));
        mailer.send(message, "apology:" + code + ":" + reappointmentId);
    }
}
