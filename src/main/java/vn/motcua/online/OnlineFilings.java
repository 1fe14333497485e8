package vn.motcua.online;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.dossier.Actors;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPapers;
import vn.motcua.dossier.DossierProblem;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;

/**
 * The online channel's use cases. Each runs in one transaction: the dossier, its history, its
 * process and its files are kept together or not at all.
 */
@Service
@Transactional
class OnlineFilings {

    private final Dossiers dossiers;
    private final DossierPapers papers;
    private final Attachments attachments;
    private final CitizenViews views;

    OnlineFilings(Dossiers dossiers, DossierPapers papers, Attachments attachments, CitizenViews views) {
        this.dossiers = dossiers;
        this.papers = papers;
        this.attachments = attachments;
        this.views = views;
    }

    /** Files a dossier with its attachments (status 1, channel ONLINE, waiting for the counter's check). */
    CitizenView file(OnlineFilingRequest request, List<MultipartFile> files) {
        List<Attachments.Checked> checked = attachments.check(files, false);
        Dossier dossier = dossiers.fileOnline(request.toIntake());
        attachments.store(dossier.getCode(), AttachmentKind.APPLICATION, checked, Actors.CITIZEN);
        return views.of(dossier);
    }

    /** The applicant's view, or 404 alike for an unknown code and a wrong ID number. */
    @Transactional(readOnly = true)
    CitizenView lookUp(String code, String idNumber) {
        return views.of(dossiers.requireForApplicant(code, idNumber));
    }

    /**
     * The requested supplement, sent by the applicant: stored, then the dossier goes back to the
     * officer who asked for it, as when the counter records it.
     */
    CitizenView supplement(String code, String idNumber, List<MultipartFile> files) {
        Dossier dossier = dossiers.requireForApplicant(code, idNumber);
        if (dossier.getStatus() != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierProblem(HttpStatus.CONFLICT, "dossier.supplement.notAwaited", dossier.getCode());
        }
        List<Attachments.Checked> checked = attachments.check(files, true);
        attachments.store(dossier.getCode(), AttachmentKind.SUPPLEMENT, checked, Actors.CITIZEN);
        dossiers.supplementFromApplicant(dossier.getCode(), idNumber);
        return views.of(dossiers.require(dossier.getCode()));
    }

    /** The electronic result the applicant may download: the latest one, once handling is done. */
    @Transactional(readOnly = true)
    Attachment result(String code, String idNumber) {
        Dossier dossier = dossiers.requireForApplicant(code, idNumber);
        if (dossier.getStatus() != DossierStatus.DONE && dossier.getStatus() != DossierStatus.RETURNED) {
            throw new DossierProblem(HttpStatus.NOT_FOUND, "online.result.notYet");
        }
        return attachments.latest(dossier.getCode(), AttachmentKind.RESULT)
                .orElseThrow(() -> new DossierProblem(HttpStatus.NOT_FOUND, "online.result.none"));
    }

    /** Staff add the electronic result of a done dossier. */
    Attachment addResult(String code, MultipartFile file) {
        Dossier dossier = dossiers.requireForResult(code);
        List<Attachments.Checked> checked = attachments.check(file == null ? List.of() : List.of(file), true);
        Attachment stored = attachments.store(dossier.getCode(), AttachmentKind.RESULT, checked, Actors.current()).get(0);
        dossiers.electronicResult(dossier.getCode());
        return stored;
    }

    /**
     * Staff record the scans of papers a citizen brought for a requested supplement (status 5): stored as the
     * citizen's supplement files are, each marked as the scan of {@code paper} (a position of the dossier's
     * checklist) when given; the dossier counts as digitised at the counter.
     */
    List<Attachment> addSupplementScans(String code, Integer paper, List<MultipartFile> files) {
        Dossier dossier = dossiers.requireForSupplement(code);
        if (paper != null && (paper < 0 || paper >= papers.size(code))) {
            throw new DossierProblem(HttpStatus.BAD_REQUEST, "counter.paper.unknown", paper + 1);
        }
        List<Attachments.Scan> scans = new java.util.ArrayList<>();
        List<MultipartFile> given = files == null ? List.of() : files;
        for (int i = 0; i < given.size(); i++) {
            scans.add(new Attachments.Scan(given.get(i), paper, "files[" + i + "]"));
        }
        List<Attachments.Checked> checked = attachments.checkScans(scans, true);
        List<Attachment> stored = attachments.store(dossier.getCode(), AttachmentKind.SUPPLEMENT, checked,
                Actors.current());
        dossiers.digitised(dossier.getCode());
        return stored;
    }

    /** One file of a dossier the staff member may see. */
    @Transactional(readOnly = true)
    Attachment forStaff(String code, long id) {
        Dossier dossier = dossiers.requireVisible(code);
        return attachments.find(dossier.getCode(), id)
                .orElseThrow(() -> new DossierProblem(HttpStatus.NOT_FOUND, "online.attachment.notFound", code, id));
    }
}
