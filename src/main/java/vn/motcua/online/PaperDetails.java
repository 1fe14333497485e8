package vn.motcua.online;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;
import vn.motcua.dossier.StatusChange;

/**
 * The papers and files of the staff view of a dossier: the checklist ({@code papers}: each paper with whether it was
 * received and the scans of it), when the counter digitised the dossier ({@code digitisedAt}, null if it never did),
 * and every file ({@code attachments}) with its download address. The files are read once for both lists.
 */
@Component
class PaperDetails implements DossierDetails {

    private final StaffPapers papers;
    private final Attachments attachments;
    private final WorkingCalendar calendar;

    PaperDetails(StaffPapers papers, Attachments attachments, WorkingCalendar calendar) {
        this.papers = papers;
        this.attachments = attachments;
        this.calendar = calendar;
    }

    @Override
    public void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view) {
        List<Attachment> files = attachments.of(dossier.getCode());
        view.put("papers", papers.checklist(dossier, files));
        view.put("digitisedAt", dossier.getDigitisedAt() == null ? null
                : dossier.getDigitisedAt().atZone(calendar.zone()).toOffsetDateTime());
        view.put("attachments", files.stream()
                .map(a -> new StaffFile(CitizenView.FileView.of(a, calendar.zone()), a.getSha256(), a.getUploadedBy(),
                        "/api/dossiers/" + dossier.getCode() + "/attachments/" + a.getId()))
                .toList());
    }

    record StaffFile(@com.fasterxml.jackson.annotation.JsonUnwrapped CitizenView.FileView file, String sha256,
            String uploadedBy, String href) {
    }
}
