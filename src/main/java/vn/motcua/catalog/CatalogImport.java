package vn.motcua.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** One import of a procedure list: who, when, which file, the counts and the outcome of every row. */
@Entity
@Table(name = "catalog_import")
public class CatalogImport {

    /** How the import was asked for. */
    public enum Origin {
        /** An administrator through {@code POST /api/catalog/imports}. */
        API,
        /** A file named in {@code motcua.catalog.import.startup-files}, at start-up. */
        STARTUP
    }

    /** A row of the file: its line, code, outcome and, for a refused row, the reasons (Vietnamese). */
    @Embeddable
    public record RowResult(
            @Column(name = "line_no", nullable = false) int line,
            @Column(name = "code", length = 64) String code,
            @Enumerated(EnumType.STRING) @Column(name = "outcome", nullable = false, length = 16) ImportOutcome outcome,
            @Column(name = "message", length = 2000) String message) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Origin origin;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "file_sha256", nullable = false, length = 64)
    private String fileSha256;

    @Column(name = "file_format", nullable = false, length = 8)
    private String fileFormat;

    @Column(name = "rows_total", nullable = false)
    private int rowsTotal;

    @Column(name = "created_count", nullable = false)
    private int created;

    @Column(name = "updated_count", nullable = false)
    private int updated;

    @Column(name = "unchanged_count", nullable = false)
    private int unchanged;

    @Column(name = "kept_count", nullable = false)
    private int kept;

    @Column(name = "refused_count", nullable = false)
    private int refused;

    /** Imported procedures that this file no longer lists (kept: dossiers may refer to them). */
    @Column(name = "absent_count", nullable = false)
    private int absent;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_import_row", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "position")
    private List<RowResult> rows = new ArrayList<>();

    protected CatalogImport() {
    }

    CatalogImport(Instant startedAt, String actor, Origin origin, String fileName, String fileSha256, String fileFormat) {
        this.startedAt = startedAt;
        this.actor = actor;
        this.origin = origin;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.fileFormat = fileFormat;
    }

    void add(RowResult row) {
        rows.add(row);
        rowsTotal++;
        switch (row.outcome()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case KEPT -> kept++;
            case REFUSED -> refused++;
        }
    }

    void absent(int count) {
        this.absent = count;
    }

    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getActor() {
        return actor;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public String getFileFormat() {
        return fileFormat;
    }

    public int getRowsTotal() {
        return rowsTotal;
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public int getKept() {
        return kept;
    }

    public int getRefused() {
        return refused;
    }

    public int getAbsent() {
        return absent;
    }

    public List<RowResult> getRows() {
        return List.copyOf(rows);
    }
}
