package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.cluster.ClusterLock;

/**
 * Imports the province's procedure list from a spreadsheet (CSV in UTF-8, or XLSX): the one service that
 * both the API ({@code POST /api/catalog/imports}) and start-up ({@code motcua.catalog.import.startup-files})
 * call.
 *
 * <ul>
 * <li>The file is read and checked as a whole first: too large, another format, not UTF-8, broken, a zip
 * bomb, missing required columns, too many rows refuse it ({@link CatalogImportRefused}) and nothing is
 * applied.</li>
 * <li>Then every row is checked on its own; a row that breaks a rule is refused with its reasons and the
 * others are applied, all in one transaction: a failure while writing applies nothing.</li>
 * <li>Idempotent: a row equal to the one last imported for its code changes nothing ({@link ImportOutcome#UNCHANGED});
 * the same file twice changes nothing. A procedure of the catalog data file is never changed
 * ({@link ImportOutcome#KEPT}); an imported procedure the file no longer lists is kept (dossiers may refer to
 * it) and counted as absent.</li>
 * <li>Imported procedures run on the standard handling process, with the default split of the statutory time
 * unless the row gives the province's own ({@link ImportedProcedure#defaultSteps}).</li>
 * </ul>
 */
@Service
public class CatalogImports {

    private static final Logger log = LoggerFactory.getLogger(CatalogImports.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int CODES_PER_QUERY = 500;

    private final CatalogImportProperties properties;
    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final CatalogImportRepository imports;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Clock clock;
    private final ClusterLock lock;

    CatalogImports(CatalogImportProperties properties, UnitRepository units, ProcedureRepository procedures,
            CatalogImportRepository imports, TransactionTemplate tx, MessageSource messages, Clock clock,
            ClusterLock lock) {
        this.lock = lock;
        this.properties = properties;
        this.units = units;
        this.procedures = procedures;
        this.imports = imports;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Imports a file.
     *
     * @param fileName the name it was sent with (for the record and the format; the content decides)
     * @param actor    who imports (a user id, or {@code system} at start-up)
     * @param dryRun   check and report, keep nothing
     * @throws CatalogImportRefused when the file as a whole is refused (nothing applied)
     */
    public ImportReport importFile(String fileName, byte[] content, String actor, CatalogImport.Origin origin,
            boolean dryRun) {
        String name = fileName == null || fileName.isBlank() ? "danh-muc" : cleanName(fileName);
        if (content.length > properties.maxFileSize().toBytes()) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.TOO_LARGE, "catalog.import.size",
                    properties.maxFileSize().toMegabytes());
        }
        if (content.length == 0) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.empty");
        }
        Sheet sheet = read(name, content);
        String sha256 = sha256(content);
        // one import at a time in the installation (and none while a node loads the catalog file)
        return lock.holding(CatalogLoader.LOCK, () -> tx.execute(status -> {
            ImportReport report = apply(sheet, name, sha256, actor, origin, clock.instant(), dryRun);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return report;
        }));
    }

    /**
     * Imports a file named for start-up, unless its content was already imported at start-up under the same
     * name (then nothing is read or written). The outcome goes to the log, a refused row as a warning.
     *
     * @return the report, or empty when the file was already imported
     */
    public Optional<ImportReport> importAtStartup(Resource file) {
        // nodes starting together: the first imports, the others find the same content already imported
        return lock.holding(CatalogLoader.LOCK, () -> importAtStartupLocked(file));
    }

    private Optional<ImportReport> importAtStartupLocked(Resource file) {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, properties.maxFileSize().toBytes() + 1));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the procedure list " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFilename() == null ? file.getDescription() : file.getFilename();
        String sha256 = sha256(content);
        Optional<CatalogImport> last = imports.findFirstByOriginAndFileNameOrderByIdDesc(CatalogImport.Origin.STARTUP,
                cleanName(name));
        if (last.isPresent() && last.get().getFileSha256().equals(sha256)) {
            log.info("Procedure list {} already imported (import {}), skipped", name, last.get().getId());
            return Optional.empty();
        }
        ImportReport report;
        try {
            report = importFile(name, content, "system", CatalogImport.Origin.STARTUP, false);
        } catch (CatalogImportRefused refused) {
            throw new IllegalStateException("The procedure list " + name + " is refused: "
                    + messages.getMessage(refused.messageKey(), refused.arguments(), VI), refused);
        }
        log.info("Procedure list {} imported: {} rows, {} created, {} updated, {} unchanged, {} kept from the catalog file, "
                + "{} refused", name, report.rows(), report.created(), report.updated(), report.unchanged(), report.kept(),
                report.refused());
        report.report().stream().filter(r -> r.outcome() == ImportOutcome.REFUSED)
                .forEach(r -> log.warn("{} line {} ({}) refused: {}", name, r.line(), r.code(), String.join(" ", r.messages())));
        return Optional.of(report);
    }

    /** The latest imports, newest first (without their rows). */
    public List<CatalogImport> recent() {
        return imports.findTop50ByOrderByIdDesc();
    }

    /** An import with its rows. */
    public Optional<ImportReport> report(long id) {
        return tx.execute(status -> imports.findById(id).map(i -> new ImportReport(i.getId(), false, i.getStartedAt(),
                i.getActor(), i.getFileName(), i.getFileFormat(), i.getFileSha256(), i.getRowsTotal(), i.getCreated(),
                i.getUpdated(), i.getUnchanged(), i.getKept(), i.getRefused(), i.getAbsent(), List.of(), List.of(),
                i.getRows().stream().map(r -> new ImportReport.Row(r.line(), r.code(), r.outcome(),
                        r.message() == null ? List.of() : List.of(r.message().split("\n")))).toList())));
    }

    private Sheet read(String name, byte[] content) {
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        String lower = name.toLowerCase(Locale.ROOT);
        boolean csvName = lower.endsWith(".csv") || lower.endsWith(".txt") || !lower.contains(".");
        if (zip && (lower.endsWith(".xlsx") || !lower.contains("."))) {
            return new XlsxSheetReader(properties.maxRows(), properties.maxCellChars(),
                    properties.maxUnzippedSize().toBytes()).read(content);
        }
        if (!zip && csvName) {
            return new CsvSheetReader(properties.maxRows(), properties.maxCellChars()).read(content);
        }
        throw new CatalogImportRefused(CatalogImportRefused.Kind.UNSUPPORTED, "catalog.import.format");
    }

    private ImportReport apply(Sheet sheet, String name, String sha256, String actor, CatalogImport.Origin origin,
            Instant now, boolean dryRun) {
        List<Unit> allUnits = units.findAll();
        Map<String, Unit> unitsByKey = allUnits.stream().collect(Collectors.toMap(Unit::getKey, u -> u));
        ProcedureListParser.ParsedList parsed = new ProcedureListParser(allUnits).parse(sheet);
        Map<String, Procedure> existing = existing(parsed.rows().stream()
                .filter(r -> !r.refused()).map(ProcedureListParser.ParsedRow::code).toList());
        CatalogImport record = new CatalogImport(now, actor, origin, name, sha256, sheet.format());
        List<ImportReport.Row> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (ProcedureListParser.ParsedRow row : parsed.rows()) {
            if (row.code() != null) {
                listed.add(row.code());
            }
            ImportOutcome outcome;
            List<String> said = new ArrayList<>();
            if (row.refused()) {
                outcome = ImportOutcome.REFUSED;
                row.problems().forEach(m -> said.add(message(m)));
            } else {
                ImportedProcedure imported = row.procedure();
                Procedure procedure = existing.get(imported.code());
                String hash = imported.fingerprint();
                if (procedure != null && procedure.getSource() == ProcedureSource.CATALOG_FILE) {
                    outcome = ImportOutcome.KEPT;
                    said.add(message(new ProcedureListParser.Message("catalog.import.row.kept")));
                } else if (procedure != null && hash.equals(procedure.getImportHash())) {
                    outcome = ImportOutcome.UNCHANGED;
                } else {
                    outcome = procedure == null ? ImportOutcome.CREATED : ImportOutcome.UPDATED;
                    if (procedure == null) {
                        procedure = new Procedure(imported.code());
                    }
                    procedure.imported(imported, unitsByKey.get(imported.receivingUnit()),
                            imported.handlingUnits().stream().map(unitsByKey::get).toList(), hash, now);
                    procedures.save(procedure);
                }
            }
            String code = row.code() == null ? null : row.code().length() > 64 ? row.code().substring(0, 64) : row.code();
            String message = said.isEmpty() ? null : String.join("\n", said);
            if (message != null && message.length() > 2000) {
                message = message.substring(0, 1999) + "…";
            }
            record.add(new CatalogImport.RowResult(row.line(), code, outcome, message));
            rows.add(new ImportReport.Row(row.line(), code, outcome, List.copyOf(said)));
        }
        List<String> absent = procedures.codesBySource(ProcedureSource.IMPORT).stream()
                .filter(c -> !listed.contains(c)).sorted().toList();
        record.absent(absent.size());
        Long id = null;
        if (!dryRun) {
            id = imports.save(record).getId();
        }
        return new ImportReport(id, dryRun, now, actor, name, sheet.format(), sha256, record.getRowsTotal(),
                record.getCreated(), record.getUpdated(), record.getUnchanged(), record.getKept(), record.getRefused(),
                absent.size(), absent.size() > 100 ? absent.subList(0, 100) : absent, parsed.ignoredColumns(), rows);
    }

    private Map<String, Procedure> existing(List<String> codes) {
        Map<String, Procedure> found = new HashMap<>();
        for (int i = 0; i < codes.size(); i += CODES_PER_QUERY) {
            procedures.findAllById(codes.subList(i, Math.min(codes.size(), i + CODES_PER_QUERY)))
                    .forEach(p -> found.put(p.getCode(), p));
        }
        return found;
    }

    private String message(ProcedureListParser.Message m) {
        return messages.getMessage(m.key(), m.args(), VI);
    }

    /** A file name fit for the record: no path, no control characters, at most 200 characters. */
    static String cleanName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = vn.motcua.text.PlainTexts.strip(base).replaceAll("[\\t\\r\\n]", " ").strip();
        if (base.isEmpty()) {
            base = "danh-muc";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
