package vn.motcua.catalog;

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
import jakarta.persistence.Table;

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

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "procedure_handling_unit", joinColumns = @JoinColumn(name = "procedure_code"),
            inverseJoinColumns = @JoinColumn(name = "unit_key"))
    @OrderColumn(name = "position")
    private List<Unit> handlingUnits = new ArrayList<>();

    @Column(name = "statutory_days")
    private Integer statutoryDays;

    @Column(name = "statutory_hours")
    private Integer statutoryHours;

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
    @CollectionTable(name = "procedure_document", joinColumns = @JoinColumn(name = "procedure_code"))
    @OrderColumn(name = "position")
    private List<RequiredDocument> documents = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "procedure_step", joinColumns = @JoinColumn(name = "procedure_code"))
    @OrderColumn(name = "position")
    private List<StepShare> steps = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "procedure_field", joinColumns = @JoinColumn(name = "procedure_code"))
    @OrderColumn(name = "position")
    private List<ProcedureField> fields = new ArrayList<>();

    protected Procedure() {
    }

    Procedure(String code) {
        this.code = code;
    }

    void update(CatalogFile.ProcedureEntry e, Map<String, Unit> units) {
        this.name = e.name();
        this.sector = e.sector();
        this.level = e.level();
        this.receivingUnit = units.get(e.receivingUnit());
        this.statutoryDays = e.statutory().days();
        this.statutoryHours = e.statutory().hours();
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
        return statutoryDays != null ? StatutoryTime.days(statutoryDays) : StatutoryTime.hours(statutoryHours);
    }

    public LocalTime getAfternoonCutoff() {
        return afternoonCutoff;
    }

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
