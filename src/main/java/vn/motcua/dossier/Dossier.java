package vn.motcua.dossier;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A dossier (hồ sơ): one application for one procedure, identified by its code. */
@Entity
@Table(name = "dossier")
public class Dossier {

    @Id
    private String code;

    @Column(name = "procedure_code", nullable = false)
    private String procedureCode;

    /** Key of the unit whose counter received the dossier. */
    @Column(name = "receiving_unit", nullable = false)
    private String receivingUnit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierStatus status;

    @Embedded
    private Applicant applicant;

    /** The procedure-specific fields the applicant filled in, as JSON. */
    @Column(name = "form_data", length = 4000)
    private String formData;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    @Column(name = "filed_by", nullable = false)
    private String filedBy;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "appointment_at")
    private Instant appointmentAt;

    /**
     * The statutory due: the appointment given at reception, moved only by supplement pauses. A
     * re-appointment (Form 04) moves {@link #appointmentAt} but not this, so statistics still count
     * a re-appointed dossier as late.
     */
    @Column(name = "due_at")
    private Instant dueAt;

    /** When the clock stopped for a supplement request during handling; null while it runs. */
    @Column(name = "paused_at")
    private Instant pausedAt;

    /** Working minutes spent waiting for supplements, added to the deadlines. */
    @Column(name = "paused_minutes", nullable = false)
    private long pausedMinutes;

    /** Working minutes added by re-appointments (Form 04). */
    @Column(name = "extension_minutes", nullable = false)
    private long extensionMinutes;

    @Column(name = "supplement_requests", nullable = false)
    private int supplementRequests;

    @Column(nullable = false)
    private int reappointments;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    /** How the citizen chose to get the result. */
    @Enumerated(EnumType.STRING)
    @Column(name = "return_method", nullable = false)
    private ReturnMethod returnMethod = ReturnMethod.COUNTER;

    /** How many sets of papers were handed in (Form 01 "Số lượng hồ sơ", Form 07). */
    @Column(name = "set_count", nullable = false)
    private int setCount = 1;

    /** The receiving unit's register (Form 07) the dossier was entered in at reception: its year (the book). */
    @Column(name = "register_year")
    private Integer registerYear;

    /** The dossier's order number in that book, from 1; null before reception. */
    @Column(name = "register_number")
    private Integer registerNumber;

    /** The verdict of a finished dossier, fixed when it finishes ({@link Verdict#ofDossier}); null before. */
    @Enumerated(EnumType.STRING)
    private Verdict verdict;

    /** When the counter first attached scans of the papers (digitisation at reception); null if it never did. */
    @Column(name = "digitised_at")
    private Instant digitisedAt;

    /** Working minutes from reception to finishing, less the clock's stops (Decision 766, 2.2); null before. */
    @Column(name = "handling_minutes")
    private Long handlingMinutes;

    /** When the dossier was first re-appointed (Form 04); null if never. */
    @Column(name = "reappointed_at")
    private Instant reappointedAt;

    /** When staff first attached the electronic result; null if never. */
    @Column(name = "e_result_at")
    private Instant electronicResultAt;

    /** The last time the clock stopped or started again ({@link DossierPause}); null if it never stopped. */
    @Column(name = "pause_changed_at")
    private Instant pauseChangedAt;

    /** The last time the dossier moved in the indicators' daily counts ({@link IndicatorCounts}). */
    @Column(name = "changed_at")
    private Instant changedAt;

    /** The month it counts in in those counts (year * 100 + month), stamped with {@link #changedAt}. */
    @Column(name = "count_month")
    private Integer countMonth;

    /**
     * Null until the dossier is first stored: that is how saving a new dossier (whose code is given, not generated)
     * knows to insert it straight away, instead of first looking for a row with its code.
     */
    @Version
    private Long version;

    protected Dossier() {
    }

    Dossier(String code, String procedureCode, String receivingUnit, Channel channel, Applicant applicant,
            String formData, Instant filedAt, String filedBy) {
        this.code = code;
        this.procedureCode = procedureCode;
        this.receivingUnit = receivingUnit;
        this.channel = channel;
        this.applicant = applicant;
        this.formData = formData;
        this.filedAt = filedAt;
        this.filedBy = filedBy;
        this.status = DossierStatus.NEW;
    }

    Dossier withFiling(ReturnMethod returnMethod, int setCount) {
        this.returnMethod = returnMethod;
        this.setCount = setCount;
        return this;
    }

    void registered(int year, int number) {
        this.registerYear = year;
        this.registerNumber = number;
    }

    void setStatus(DossierStatus status) {
        this.status = status;
    }

    void received(Instant at, Instant appointment) {
        this.receivedAt = at;
        this.appointmentAt = appointment;
        this.dueAt = appointment;
    }

    void paused(Instant at, boolean forSupplement) {
        this.pausedAt = at;
        this.pauseChangedAt = at;
        if (forSupplement) {
            this.supplementRequests++;
        }
    }

    /** Ends a pause: the due and the appointment move to the given instants. */
    void resumed(Instant at, long waitedMinutes, Instant newDue, Instant newAppointment) {
        this.pausedAt = null;
        this.pauseChangedAt = at;
        this.pausedMinutes += waitedMinutes;
        this.dueAt = newDue;
        this.appointmentAt = newAppointment;
    }

    void reappointed(Instant at, long addedMinutes, Instant newAppointment) {
        if (reappointedAt == null) {
            this.reappointedAt = at;
        }
        this.extensionMinutes += addedMinutes;
        this.reappointments++;
        this.appointmentAt = newAppointment;
    }

    /** Deadlines recomputed after a calendar change. */
    void rescheduled(Instant newDue, Instant newAppointment) {
        this.dueAt = newDue;
        this.appointmentAt = newAppointment;
    }

    /** Handling ended: the first end counts, and fixes the dossier's verdict. */
    void finished(Instant at, ZoneId zone, Long handlingMinutes) {
        if (finishedAt == null) {
            this.finishedAt = at;
            this.verdict = Verdict.ofDossier(this, at, zone);
            this.handlingMinutes = handlingMinutes;
        }
        if (pausedAt != null) {
            this.pauseChangedAt = at;
        }
        this.pausedAt = null;
    }

    void changed(Instant at, Integer countMonth) {
        this.changedAt = at;
        this.countMonth = countMonth;
    }

    /** Staff attached the electronic result; the first time counts. */
    void electronicResult(Instant at) {
        if (electronicResultAt == null) {
            this.electronicResultAt = at;
        }
    }

    void returned(Instant at) {
        this.returnedAt = at;
    }

    /** The counter attached scans of the papers; the first time counts. */
    void digitised(Instant at) {
        if (digitisedAt == null) {
            this.digitisedAt = at;
        }
    }

    public String getCode() {
        return code;
    }

    public ReturnMethod getReturnMethod() {
        return returnMethod;
    }

    public int getSetCount() {
        return setCount;
    }

    /** The year of the register book the dossier was entered in at reception; null before. */
    public Integer getRegisterYear() {
        return registerYear;
    }

    /** The dossier's order number in its register book; null before reception. */
    public Integer getRegisterNumber() {
        return registerNumber;
    }

    public String getProcedureCode() {
        return procedureCode;
    }

    public String getReceivingUnit() {
        return receivingUnit;
    }

    public Channel getChannel() {
        return channel;
    }

    public DossierStatus getStatus() {
        return status;
    }

    public Applicant getApplicant() {
        return applicant;
    }

    public String getFormData() {
        return formData;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getAppointmentAt() {
        return appointmentAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    public long getPausedMinutes() {
        return pausedMinutes;
    }

    public long getExtensionMinutes() {
        return extensionMinutes;
    }

    public int getSupplementRequests() {
        return supplementRequests;
    }

    public int getReappointments() {
        return reappointments;
    }

    /** Received and not yet finished: its clock runs (or is paused). */
    public boolean isUnderWay() {
        return receivedAt != null && finishedAt == null && status != DossierStatus.RETURNED;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public Long getHandlingMinutes() {
        return handlingMinutes;
    }

    public Instant getReappointedAt() {
        return reappointedAt;
    }

    public Instant getElectronicResultAt() {
        return electronicResultAt;
    }

    /** When the counter first attached scans of the papers (digitised at reception), or null. */
    public Instant getDigitisedAt() {
        return digitisedAt;
    }

    /**
     * The dossier's verdict against its statutory due, once finished (Decision 766: re-appointed, or
     * asked for a supplement more than once, is late); null while under way or when it never had a due.
     */
    public Verdict getVerdict() {
        return verdict;
    }
}
