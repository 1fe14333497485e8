package vn.motcua.online;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPaper;
import vn.motcua.dossier.DossierPapers;
import vn.motcua.dossier.Dossiers;

/** The staff view of a dossier's papers: the checklist, each paper with its scans, and the other files. */
@Component
class StaffPapers {

    private final Dossiers dossiers;
    private final DossierPapers papers;
    private final Attachments attachments;
    private final WorkingCalendar calendar;

    StaffPapers(Dossiers dossiers, DossierPapers papers, Attachments attachments, WorkingCalendar calendar) {
        this.dossiers = dossiers;
        this.papers = papers;
        this.attachments = attachments;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    PapersJson of(String code) {
        Dossier dossier = dossiers.requireVisible(code);
        ZoneId zone = calendar.zone();
        List<Attachment> files = attachments.of(dossier.getCode());
        List<FileJson> others = files.stream().filter(f -> f.getPaperPosition() == null)
                .map(f -> FileJson.of(f, zone)).toList();
        return new PapersJson(dossier.getCode(), dossier.getStatus().code(), checklist(dossier, files), others);
    }

    /** The checklist of a dossier the caller may see, each paper with its scans among the dossier's files. */
    @Transactional(readOnly = true)
    List<PaperJson> checklist(Dossier dossier, List<Attachment> files) {
        ZoneId zone = calendar.zone();
        return papers.checklist(dossier).stream()
                .map(p -> new PaperJson(p.getPosition(), p.getName(), p.getKind().name(), papers.kind(p.getKind()),
                        p.getCount(), p.isReceived(), at(p, zone), p.getReceivedBy(),
                        files.stream().filter(f -> Integer.valueOf(p.getPosition()).equals(f.getPaperPosition()))
                                .map(f -> FileJson.of(f, zone)).toList()))
                .toList();
    }

    private static OffsetDateTime at(DossierPaper paper, ZoneId zone) {
        return paper.getReceivedAt() == null ? null : paper.getReceivedAt().atZone(zone).toOffsetDateTime();
    }

    record PapersJson(String code, int statusCode, List<PaperJson> papers, List<FileJson> otherFiles) {
    }

    record PaperJson(int position, String name, String kind, String kindLabel, int count, boolean received,
            OffsetDateTime receivedAt, String receivedBy, List<FileJson> files) {
    }

    record FileJson(long id, AttachmentKind kind, String name, String contentType, long size, String sha256,
            OffsetDateTime uploadedAt, String uploadedBy, Integer paper, String href) {

        static FileJson of(Attachment a, ZoneId zone) {
            return new FileJson(a.getId(), a.getKind(), a.getOriginalName(), a.getContentType(), a.getSize(),
                    a.getSha256(), a.getUploadedAt().atZone(zone).toOffsetDateTime(), a.getUploadedBy(),
                    a.getPaperPosition(), DossierFiles.href(a));
        }
    }
}
