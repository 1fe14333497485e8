package vn.motcua.online;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.calendar.WorkingCalendar;

/** Staff and the files of a dossier: open what the citizen sent, add the electronic result. */
@RestController
@RequestMapping("/api/dossiers/{code}")
@Tag(name = "Staff: dossier files")
class StaffFilesController {

    private final OnlineFilings filings;
    private final Attachments attachments;
    private final StaffPapers papers;
    private final WorkingCalendar calendar;

    StaffFilesController(OnlineFilings filings, Attachments attachments, StaffPapers papers, WorkingCalendar calendar) {
        this.filings = filings;
        this.attachments = attachments;
        this.papers = papers;
        this.calendar = calendar;
    }

    @PostMapping(path = "/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add the electronic result of a done dossier",
            description = "Multipart part `file` (PDF, JPEG or PNG, checked by content). Staff of the receiving counter "
                    + "or of a handling unit; the dossier must be done (9) or returned (10). The citizen downloads the "
                    + "latest result from the look-up page.")
    ResponseEntity<CitizenView.FileView> addResult(@PathVariable String code,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        Attachment result = filings.addResult(code, file);
        return ResponseEntity.created(URI.create("/api/dossiers/" + code + "/attachments/" + result.getId()))
                .body(CitizenView.FileView.of(result, calendar.zone()));
    }

    @PostMapping(path = "/supplement/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add scans of the papers a citizen brought for a requested supplement",
            description = "Multipart parts `files` (PDF, JPEG or PNG, checked by content) and optionally `paper`, the "
                    + "position (from 0) in the dossier's papers checklist the files are scans of. Only while a supplement "
                    + "is requested (status 5), by the receiving counter or the specialists of a unit taking part. The "
                    + "supplement itself is recorded by completing the task *Nhận hồ sơ bổ sung* in Tasklist.")
    ResponseEntity<List<StaffPapers.FileJson>> addSupplementScans(@PathVariable String code,
            @RequestParam(name = "paper", required = false) Integer paper,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        List<Attachment> stored = filings.addSupplementScans(code, paper, files);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(stored.stream().map(a -> StaffPapers.FileJson.of(a, calendar.zone())).toList());
    }

    @GetMapping("/papers")
    @Operation(summary = "The dossier's papers checklist with the scans of each paper, and its other files")
    StaffPapers.PapersJson papers(@PathVariable String code) {
        return papers.of(code);
    }

    @GetMapping("/attachments/{id}")
    @Operation(summary = "Download a file of the dossier (staff who may see the dossier)")
    ResponseEntity<Resource> attachment(@PathVariable String code, @PathVariable long id) {
        Attachment attachment = filings.forStaff(code, id);
        return Downloads.of(attachment, attachments.open(attachment));
    }
}
