package vn.motcua.online;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;
import vn.motcua.dossier.StatusChange;

/** The files in the staff view of a dossier ({@code attachments}), each with its download address. */
@Component
class AttachmentDetails implements DossierDetails {

    private final Attachments attachments;
    private final WorkingCalendar calendar;

    AttachmentDetails(Attachments attachments, WorkingCalendar calendar) {
        this.attachments = attachments;
        this.calendar = calendar;
    }

    @Override
    public void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view) {
        view.put("attachments", attachments.of(dossier.getCode()).stream()
                .map(a -> new StaffFile(CitizenView.FileView.of(a, calendar.zone()), a.getSha256(), a.getUploadedBy(),
                        "/api/dossiers/" + dossier.getCode() + "/attachments/" + a.getId()))
                .toList());
    }

    record StaffFile(@com.fasterxml.jackson.annotation.JsonUnwrapped CitizenView.FileView file, String sha256,
            String uploadedBy, String href) {
    }
}
