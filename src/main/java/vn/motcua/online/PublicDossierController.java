package vn.motcua.online;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.idempotency.IdempotentRequests;

/**
 * The public API behind the citizens' pages: file a dossier online, look it up with its code and the
 * applicant's ID number, send a requested supplement, download the electronic result. Open to
 * anyone, limited per client address; a wrong ID number answers exactly as an unknown code.
 */
@RestController
@RequestMapping("/api/public/dossiers")
@Tag(name = "Public: online channel", description = "Citizens file dossiers online, follow them and download results. "
        + "No account: the dossier code and the applicant's ID number identify the dossier.")
class PublicDossierController {

    private final OnlineFilings filings;
    private final Attachments attachments;
    private final IdempotentRequests idempotency;

    PublicDossierController(OnlineFilings filings, Attachments attachments, IdempotentRequests idempotency) {
        this.filings = filings;
        this.attachments = attachments;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RateLimited(RateLimited.Bucket.FILING)
    @Operation(summary = "File a dossier online",
            description = "Multipart: a JSON part `dossier` (the staff intake without `channel`) and file parts `files` "
                    + "(PDF, JPEG or PNG, checked by content; size and count limited). Creates the dossier with status 1 "
                    + "and channel ONLINE; the receiving unit's counter checks it in Tasklist. With an `Idempotency-Key` "
                    + "header (8 to 128 letters, digits or . _ : -, e.g. a UUID), sending the same request again (same "
                    + "part and files) within 24 hours answers the first answer again (`Idempotent-Replayed: true`) "
                    + "instead of filing a second dossier; the same key with another request answers 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    encoding = @Encoding(name = "dossier", contentType = MediaType.APPLICATION_JSON_VALUE))))
    @ApiResponse(responseCode = "201", description = "Filed (or, for a repeated Idempotency-Key, the first filing)",
            content = @Content(schema = @Schema(implementation = CitizenView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid field or missing part",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "A file is too large", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "A file is not a PDF, JPEG or PNG, or not what its name says",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still under way",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Unknown procedure, one not filed online, or an Idempotency-Key used for another request",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Too many filings from this address (see Retry-After)",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> file(@RequestPart("dossier") @Valid OnlineFilingRequest dossier,
            @RequestPart(name = "files", required = false) List<MultipartFile> files,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/public/dossiers",
                idempotencyKey == null ? null : idempotency.fingerprint(dossier, files), () -> {
                    CitizenView view = filings.file(dossier, files);
                    return ResponseEntity.created(URI.create("/api/public/dossiers/" + view.code())).body(view);
                });
    }

    @GetMapping("/{code}")
    @RateLimited(RateLimited.Bucket.LOOKUP)
    @Operation(summary = "Look a dossier up",
            description = "Status, appointment, timeline, what is missing and the files. 404, the same as for an unknown "
                    + "code, when the ID number is not the applicant's.")
    @ApiResponse(responseCode = "404", description = "Unknown code, or not this applicant's ID number",
            content = @Content(mediaType = "application/problem+json"))
    CitizenView lookUp(@PathVariable String code,
            @Parameter(description = "the applicant's ID number (12 digits, or 9 for an old ID card)")
            @RequestParam String idNumber) {
        return filings.lookUp(code, idNumber);
    }

    @PostMapping(path = "/{code}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RateLimited(RateLimited.Bucket.FILING)
    @Operation(summary = "Send a requested supplement",
            description = "Only while the dossier's status is 5 (supplement requested). File parts `files`. The dossier "
                    + "goes back to the officer who asked, as when the counter records the papers.")
    @ApiResponse(responseCode = "409", description = "No supplement is requested now",
            content = @Content(mediaType = "application/problem+json"))
    CitizenView supplement(@PathVariable String code, @RequestParam String idNumber,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return filings.supplement(code, idNumber, files);
    }

    @GetMapping("/{code}/result")
    @RateLimited(RateLimited.Bucket.LOOKUP)
    @Operation(summary = "Download the electronic result",
            description = "Once the dossier is done (status 9) or returned (10) and staff added its electronic result.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE))
    ResponseEntity<Resource> result(@PathVariable String code, @RequestParam String idNumber) {
        Attachment result = filings.result(code, idNumber);
        return Downloads.of(result, attachments.open(result));
    }
}
