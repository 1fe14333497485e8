package vn.motcua.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A field a procedure asks for besides the applicant (the enterprise's name, the child's name…): the key it has in
 * a dossier's {@code formData}, the label officers and citizens read, and whether it takes several lines.
 */
@Embeddable
public record ProcedureField(
        @Column(name = "field_key", nullable = false, length = 60) String key,
        @Column(name = "label", nullable = false, length = 500) String label,
        @Column(name = "multiline", nullable = false) boolean multiline) {

    /** The applicant's own free text (the online form's "Nội dung đề nghị"), which any dossier may carry. */
    public static final String REQUEST = "request";
}
