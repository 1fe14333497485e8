package vn.motcua.online;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
    private final WorkingCalendar calendar;

    StaffFilesController(OnlineFilings filings, Attachments attachments, WorkingCalendar calendar) {
        this.filings = filings;
        this.attachments = attachments;
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

    @GetMapping("/attachments/{id}")
    @Operation(summary = "Download a file of the dossier (staff who may see the dossier)")
    ResponseEntity<Resource> attachment(@PathVariable String code, @PathVariable long id) {
        Attachment attachment = filings.forStaff(code, id);
        return Downloads.of(attachment, attachments.open(attachment));
    }
}
