package vn.motcua.online;

import java.time.OffsetDateTime;
import java.util.List;

import vn.motcua.dossier.Channel;

/**
 * What the applicant sees of their dossier, online and in the look-up page: its status, dates, a
 * timeline without officers' names or internal notes (only what is missing for a supplement and the
 * reasons for a refusal or a stop), what is missing now, and the files. Never the ID number, phone or
 * address, and never another dossier's data.
 *
 * @param missing       what the citizen must still bring, while a supplement is requested (status 5)
 * @param canSupplement whether the citizen may send the requested supplement online now
 * @param result        the electronic result to download, once handling is done (status 9 or 10)
 * @param appointmentNotice while the appointment is counted over provisional days off (a year whose
 *                      official schedule is not announced yet): that it may be adjusted; else null
 */
public record CitizenView(String code, String procedureCode, String procedureName, String receivingUnit,
        Channel channel, String applicantName, int statusCode, String status, String statusLabel,
        OffsetDateTime filedAt, OffsetDateTime receivedAt, OffsetDateTime appointmentDate, OffsetDateTime finishedAt,
        OffsetDateTime returnedAt, String missing, boolean canSupplement, FileView result, List<TimelineEntry> timeline,
        List<FileView> files, String appointmentNotice) {

    /** One status change; {@code note} only where the citizen must know it. */
    public record TimelineEntry(OffsetDateTime at, int statusCode, String statusLabel, String note) {
    }

    /** One file of the dossier, without where it is stored. */
    public record FileView(long id, AttachmentKind kind, String name, String contentType, long size,
            OffsetDateTime uploadedAt) {

        static FileView of(Attachment a, java.time.ZoneId zone) {
            return new FileView(a.getId(), a.getKind(), a.getOriginalName(), a.getContentType(), a.getSize(),
                    a.getUploadedAt().atZone(zone).toOffsetDateTime());
        }
    }
}
