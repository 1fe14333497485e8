package vn.motcua.catalog;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog's administration over HTTP, for the Camunda administrators group only (the security
 * configuration): import the province's procedure list, see past imports, download the catalog in the
 * import's format.
 *
 * <pre>
 * curl -u admin:… -F file=@danh-muc.xlsx https://…/api/catalog/imports            # 201 and the per-row report
 * curl -u admin:… -F file=@danh-muc.csv 'https://…/api/catalog/imports?dryRun=true'  # check only, keep nothing
 * </pre>
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogImportController {

    private final CatalogImports imports;
    private final CatalogExport export;

    CatalogImportController(CatalogImports imports, CatalogExport export) {
        this.imports = imports;
        this.export = export;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> importList(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun, Principal user) throws IOException {
        if (file == null || file.isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "catalog.import.file.required");
        }
        try {
            ImportReport report = imports.importFile(file.getOriginalFilename(), file.getBytes(), user.getName(),
                    CatalogImport.Origin.API, dryRun);
            return dryRun ? ResponseEntity.ok(report)
                    : ResponseEntity.created(URI.create("/api/catalog/imports/" + report.id())).body(report);
        } catch (CatalogImportRefused refused) {
            throw problem(switch (refused.kind()) {
                case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case INVALID -> HttpStatus.BAD_REQUEST;
            }, refused.messageKey(), refused.arguments());
        }
    }

    @GetMapping("/imports")
    List<ImportSummary> recent() {
        return imports.recent().stream().map(ImportSummary::of).toList();
    }

    @GetMapping("/imports/{id}")
    ImportReport one(@PathVariable long id) {
        return imports.report(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "catalog.import.notFound", id));
    }

    /** The catalog in the import's format (CSV for Excel), to edit and import again. */
    @GetMapping("/export.csv")
    ResponseEntity<byte[]> exportCsv() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("danh-muc-thu-tuc.csv").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(export.csv());
    }

    private static ErrorResponseException problem(HttpStatus status, String key, Object... args) {
        return new ErrorResponseException(status, ProblemDetail.forStatus(status), null, key, args);
    }

    record ImportSummary(long id, Instant at, String actor, CatalogImport.Origin origin, String fileName, String format,
            int rows, int created, int updated, int unchanged, int kept, int refused, int absent) {
        static ImportSummary of(CatalogImport i) {
            return new ImportSummary(i.getId(), i.getStartedAt(), i.getActor(), i.getOrigin(), i.getFileName(),
                    i.getFileFormat(), i.getRowsTotal(), i.getCreated(), i.getUpdated(), i.getUnchanged(), i.getKept(),
                    i.getRefused(), i.getAbsent());
        }
    }
}
