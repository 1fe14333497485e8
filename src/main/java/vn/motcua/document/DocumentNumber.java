package vn.motcua.document;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The number a unit gave one issued document (one occurrence of a form of a dossier), for good. */
@Entity
@Table(name = "document_number")
class DocumentNumber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_key", nullable = false)
    private String unitKey;

    @Column(nullable = false, length = 2)
    private String form;

    @Column(name = "number_year", nullable = false)
    private int year;

    @Column(name = "doc_number", nullable = false)
    private int number;

    @Column(name = "dossier_code", nullable = false)
    private String dossierCode;

    @Column(nullable = false)
    private int occurrence;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected DocumentNumber() {
    }

    DocumentNumber(String unitKey, String form, int year, int number, String dossierCode, int occurrence,
            Instant issuedAt) {
        this.unitKey = unitKey;
        this.form = form;
        this.year = year;
        this.number = number;
        this.dossierCode = dossierCode;
        this.occurrence = occurrence;
        this.issuedAt = issuedAt;
    }

    String getUnitKey() {
        return unitKey;
    }

    int getYear() {
        return year;
    }

    int getNumber() {
        return number;
    }
}
