package vn.motcua.dossier;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;

/** What officers decided and wrote on each task of a dossier, in order: the opinions the next step reads. */
@Service
@Transactional
public class Opinions {

    private static final int MAX_NOTE = 4000;

    private final OpinionRepository opinions;
    private final WorkingCalendar calendar;

    Opinions(OpinionRepository opinions, WorkingCalendar calendar) {
        this.opinions = opinions;
        this.calendar = calendar;
    }

    /**
     * Records the decision (its value and the label the form showed) and note given now on a task ({@code step} its
     * BPMN id, {@code stepName} its name).
     */
    public Opinion record(String code, String step, String stepName, String decision, String decisionLabel, String note,
            String actor) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            text = text.substring(0, MAX_NOTE);
        }
        return opinions.save(new Opinion(code, calendar.now(), actor == null ? Actors.SYSTEM : actor, step,
                stepName == null || stepName.isBlank() ? step : stepName, decision,
                decisionLabel == null || decisionLabel.length() <= 255 ? decisionLabel : decisionLabel.substring(0, 255),
                text));
    }

    @Transactional(readOnly = true)
    public List<Opinion> of(String code) {
        return opinions.findByDossierCodeOrderByIdAsc(code);
    }
}
