package vn.motcua.dossier;

import java.time.Instant;

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

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Version
    private long version;

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

    void setStatus(DossierStatus status) {
        this.status = status;
    }

    void received(Instant at, Instant appointment) {
        this.receivedAt = at;
        this.appointmentAt = appointment;
    }

    void finished(Instant at) {
        if (finishedAt == null) {
            this.finishedAt = at;
        }
    }

    void returned(Instant at) {
        this.returnedAt = at;
    }

    public String getCode() {
        return code;
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

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }
}
