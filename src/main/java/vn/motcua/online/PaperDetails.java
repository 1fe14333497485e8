package vn.motcua.online;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;
import vn.motcua.dossier.StatusChange;

/**
 * The papers checklist in the staff view of a dossier ({@code papers}: each paper with whether it was received and
 * the scans of it) and when the counter digitised the dossier ({@code digitisedAt}, null if it never did).
 */
@Component
class PaperDetails implements DossierDetails {

    private final StaffPapers papers;
    private final WorkingCalendar calendar;

    PaperDetails(StaffPapers papers, WorkingCalendar calendar) {
        this.papers = papers;
        this.calendar = calendar;
    }

    @Override
    public void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view) {
        view.put("papers", papers.checklist(dossier));
        view.put("digitisedAt", dossier.getDigitisedAt() == null ? null
                : dossier.getDigitisedAt().atZone(calendar.zone()).toOffsetDateTime());
    }
}
