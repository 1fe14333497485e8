package vn.motcua.document;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.DossierProblem;
import vn.motcua.dossier.Dossiers;

/**
 * Staff download of the standard documents: a dossier's forms and a unit's register, as printable HTML,
 * or PDF with {@code ?format=pdf} or {@code Accept: application/pdf}. Who may see the dossier may see
 * its documents.
 */
@RestController
class DocumentController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Dossiers dossiers;
    private final Documents documents;

    DocumentController(Dossiers dossiers, Documents documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    @GetMapping("/api/dossiers/{code}/documents")
    List<AvailableDocument> list(@PathVariable String code) {
        dossiers.requireVisible(code);
        return documents.available(code);
    }

    @GetMapping("/api/dossiers/{code}/documents/{form}")
    ResponseEntity<?> one(@PathVariable String code, @PathVariable String form,
            @RequestParam(required = false) Integer n, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        dossiers.requireVisible(code);
        if (wantsPdf(format, accept)) {
            byte[] pdf = documents.pdf(code, form, n);
            return pdf(pdf, "Mau-" + form + "-" + code + (n == null ? "" : "-" + n) + ".pdf");
        }
        return html(documents.html(code, form, n));
    }

    /** A re-appointment's Form 04 letter (apology and request for extension), printable HTML or PDF. */
    @GetMapping("/api/dossiers/{code}/reappointments/{id}/letter")
    ResponseEntity<?> letter(@PathVariable String code, @PathVariable long id,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        dossiers.requireVisible(code);
        if (wantsPdf(format, accept)) {
            return pdf(documents.apologyPdf(code, id), "Mau-04-" + code + "-" + id + ".pdf");
        }
        return html(documents.apologyHtml(code, id));
    }

    /** A unit's dossier register (Form 07) from {@code from} to {@code to}, both days included. */
    @GetMapping("/api/registers/{unitKey}")
    ResponseEntity<?> register(@PathVariable String unitKey,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (wantsPdf(format, accept)) {
            return pdf(documents.registerPdf(unitKey, from, to), "So-theo-doi-" + unitKey + "-" + from + "-" + to + ".pdf");
        }
        return html(documents.registerHtml(unitKey, from, to));
    }

    /** PDF when asked by {@code format=pdf}, or else by an Accept header naming application/pdf. */
    private static boolean wantsPdf(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "pdf" -> true;
                case "html" -> false;
                default -> throw new DossierProblem(HttpStatus.BAD_REQUEST, "document.format.unknown", format);
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.APPLICATION_PDF::equalsTypeAndSubtype);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static ResponseEntity<String> html(String html) {
        return ResponseEntity.ok().contentType(HTML).body(html);
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
