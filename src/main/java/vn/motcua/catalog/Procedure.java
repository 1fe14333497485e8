package vn.motcua.catalog;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/** An administrative procedure (thủ tục hành chính) as the province publishes it. */
@Entity
@Table(name = "procedure_def")
public class Procedure {

    @Id
    private String code;

    @Column(nullable = false, length = 1000)
    private String name;

    @Column(nullable = false, length = 500)
    private String sector;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UnitLevel level;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "receiving_unit", nullable = false)
    private Unit receivingUnit;

    // a province's catalog holds some 2,000 procedures: their collections load in batches, not one query each
    @ManyToMany(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @JoinTable(name = "procedure_handling_unit", joinColumns = @JoinColumn(name = "procedure_code"),
            inverseJoinColumns = @JoinColumn(name = "unit_key"))
    @OrderColumn(name = "position")
    private List<Unit> handlingUnits = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "statutory_unit", nullable = false, length = 20)
    private StatutoryUnit statutoryUnit;

    @Column(name = "statutory_amount", nullable = false)
    private int statutoryAmount;

    @Column(name = "afternoon_cutoff")
    private LocalTime afternoonCutoff;

    @Column(nullable = false)
    private long fee;

    @Column(name = "fee_note", length = 1000)
    private String feeNote;

    @Column(name = "online_filing", nullable = false)
    private boolean online;

    @Column(name = "process_key", nullable = false)
    private String processKey;

    /** An interconnected set (liên thông): one dossier handled by several agencies, the handling units. */
    @Column(nullable = false)
    private boolean interconnected;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "procedure_document", joinColumns = @JoinColumn(name = "procedure_code"))
    @OrderColumn(name = "position")
    private List<RequiredDocument> documents = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "procedure_step", joinColumns = @JoinColumn(name = "procedure_code"))
    @OrderColumn(name = "position")
    private List<StepShare> steps = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProcedureSource source = ProcedureSource.CATALOG_FILE;

    /** The steps are the documented default split of the statutory time, not the province's own internal process. */
    @Column(name = "default_steps", nullable = false)
    private boolean defaultSteps;

    /** Whether the code and name were checked against a published source (from the imported list), null when not said. */
    private Boolean verified;

    /** Where the row came from or what is still to be checked (from the imported list). */
    @Column(name = "source_note", length = 1000)
    private String sourceNote;

    /** Code, name and sector in lower case without diacritics, for searching with or without them. */
    @Column(name = "search_text", nullable = false, length = 2000)
    private String searchText;

    /** The fingerprint of the imported row last applied: the same row again changes nothing. */
    @Column(name = "import_hash", length = 64)
    private String importHash;

    /** When an import last changed the procedure. */
    @Column(name = "updated_at")
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "procedure_field", joinColumns = @JoinColumn(name = "procedure_code"))
    @OrderColumn(name = "position")
    private List<ProcedureField> fields = new ArrayList<>();

    protected Procedure() {
    }

    Procedure(String code) {
        this.code = code;
    }

    @PrePersist
    @PreUpdate
    void index() {
        this.searchText = SearchText.of(code, name, sector);
    }

    void update(CatalogFile.ProcedureEntry e, Map<String, Unit> units) {
        this.source = ProcedureSource.CATALOG_FILE;
        this.defaultSteps = false;
        this.importHash = null;
        this.name = e.name();
        this.sector = e.sector();
        this.level = e.level();
        this.receivingUnit = units.get(e.receivingUnit());
        StatutoryTime time = e.statutory().toTime();
        this.statutoryUnit = time.unit();
        this.statutoryAmount = time.amount();
        this.afternoonCutoff = e.afternoonCutoff();
        this.fee = e.fee();
        this.feeNote = e.feeNote();
        this.online = e.online();
        this.processKey = e.process();
        this.interconnected = e.isInterconnected();
        List<Unit> handlers = e.handlingUnits().stream().map(units::get).toList();
        if (!handlingUnits.equals(handlers)) {
            handlingUnits.clear();
            handlingUnits.addAll(handlers);
        }
        List<RequiredDocument> docs = e.documents().stream()
                .map(d -> new RequiredDocument(d.name(), d.kind(), d.count()))
                .toList();
        if (!documents.equals(docs)) {
            documents.clear();
            documents.addAll(docs);
        }
        List<ProcedureField> ownFields = e.fields() == null ? List.of() : e.fields().stream()
                .map(f -> new ProcedureField(f.key(), f.label(), Boolean.TRUE.equals(f.multiline())))
                .toList();
        if (!fields.equals(ownFields)) {
            fields.clear();
            fields.addAll(ownFields);
        }
        List<StepShare> shares = e.steps().stream()
                .map(st -> new StepShare(st.step(), CatalogLoader.minutes(st.hours()), st.unit(), st.parallel()))
                .toList();
        if (!steps.equals(shares)) {
            steps.clear();
            steps.addAll(shares);
        }
        index();
    }

    /** Takes the values of an imported row (the standard handling process; see {@link CatalogImports}). */
    void imported(ImportedProcedure row, Unit receiving, List<Unit> handlers, String hash, Instant now) {
        this.source = ProcedureSource.IMPORT;
        this.importHash = hash;
        this.name = row.name();
        this.sector = row.sector();
        this.level = row.level();
        this.receivingUnit = receiving;
        this.statutoryUnit = row.time().unit();
        this.statutoryAmount = row.time().amount();
        this.afternoonCutoff = row.cutoff();
        this.fee = row.fee();
        this.feeNote = row.feeNote();
        this.online = row.online();
        this.processKey = ImportedProcedure.STANDARD_PROCESS;
        this.interconnected = false;
        this.defaultSteps = row.defaultSteps();
        this.verified = row.verified();
        this.sourceNote = row.note();
        if (!handlingUnits.equals(handlers)) {
            handlingUnits.clear();
            handlingUnits.addAll(handlers);
        }
        if (!documents.equals(row.documents())) {
            documents.clear();
            documents.addAll(row.documents());
        }
        if (!steps.equals(row.steps())) {
            steps.clear();
            steps.addAll(row.steps());
        }
        this.updatedAt = now;
        index();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getSector() {
        return sector;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public Unit getReceivingUnit() {
        return receivingUnit;
    }

    /** The units that appraise and approve, the lead unit first. */
    public List<Unit> getHandlingUnits() {
        return List.copyOf(handlingUnits);
    }

    public Unit leadHandlingUnit() {
        return handlingUnits.get(0);
    }

    public StatutoryTime getStatutoryTime() {
        return new StatutoryTime(statutoryUnit, statutoryAmount);
    }

    /**
     * The statutory time as a citizen reads it, with what the unit implies: "3 ngày làm việc",
     * "6 ngày (tính cả ngày nghỉ)", "Trong ngày (nhận sau 15:00 thì trả trong ngày làm việc tiếp theo)".
     */
    public String getStatutoryText() {
        StatutoryTime time = getStatutoryTime();
        return switch (time.unit()) {
            case CALENDAR_DAYS -> time.label() + " (tính cả ngày nghỉ)";
            case SAME_DAY -> time.label() + " (nhận sau " + effectiveCutoff() + " thì trả trong ngày làm việc tiếp theo)";
            default -> time.label();
        };
    }

    /**
     * The afternoon cut-off: received after it, counting starts the next working day. Null means none,
     * except for the same day, where it is {@link #SAME_DAY_CUTOFF} unless the catalog says otherwise.
     */
    public LocalTime getAfternoonCutoff() {
        return afternoonCutoff;
    }

    /** The cut-off that applies: the catalog's, or for the same day {@link #SAME_DAY_CUTOFF} when none is given. */
    public LocalTime effectiveCutoff() {
        return afternoonCutoff == null && getStatutoryTime().isSameDay() ? SAME_DAY_CUTOFF : afternoonCutoff;
    }

    /** Received after 15:00, a same-day procedure is done the next working day (the practice of provincial systems). */
    public static final LocalTime SAME_DAY_CUTOFF = LocalTime.of(15, 0);

    public long getFee() {
        return fee;
    }

    public String getFeeNote() {
        return feeNote;
    }

    public boolean isOnline() {
        return online;
    }

    public boolean isInterconnected() {
        return interconnected;
    }

    public String getProcessKey() {
        return processKey;
    }

    public ProcedureSource getSource() {
        return source;
    }

    /** The steps are the documented default split of the statutory time (appraisal 70 %, approval 20 %, return 10 %). */
    public boolean isDefaultSteps() {
        return defaultSteps;
    }

    public Boolean getVerified() {
        return verified;
    }

    public String getSourceNote() {
        return sourceNote;
    }

    String getImportHash() {
        return importHash;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<RequiredDocument> getDocuments() {
        return List.copyOf(documents);
    }

    /** The fields the procedure asks for besides the applicant, in form order (may be none). */
    public List<ProcedureField> getFields() {
        return List.copyOf(fields);
    }

    /** The internal process: each step's share of the statutory time, in order; the shares add up to it. */
    public List<StepShare> getSteps() {
        return List.copyOf(steps);
    }

    public Optional<StepShare> step(String step) {
        return steps.stream().filter(s -> s.step().equals(step)).findFirst();
    }

    /** The unit that holds a step: the one the catalog names, else the lead handling unit. */
    public Unit unitOf(StepShare share) {
        if (share.unitKey() == null) {
            return leadHandlingUnit();
        }
        return unit(share.unitKey());
    }

    /** The receiving unit or one of the handling units, by key. */
    public Unit unit(String unitKey) {
        if (unitKey.equals(receivingUnit.getKey())) {
            return receivingUnit;
        }
        return handlingUnits.stream().filter(u -> u.getKey().equals(unitKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Procedure " + code + " names unit " + unitKey
                        + ", which is neither receiving nor handling it"));
    }
}
