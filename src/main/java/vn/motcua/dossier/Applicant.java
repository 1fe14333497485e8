package vn.motcua.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The person or business filing the dossier. */
@Embeddable
public record Applicant(
        @Column(name = "applicant_full_name", nullable = false) String fullName,
        @Column(name = "applicant_id_number", nullable = false) String idNumber,
        @Column(name = "applicant_phone", nullable = false) String phone,
        @Column(name = "applicant_email") String email,
        @Column(name = "applicant_address", nullable = false) String address) {
}
