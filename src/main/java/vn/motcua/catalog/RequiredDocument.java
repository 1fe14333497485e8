package vn.motcua.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A paper the applicant must bring, with its kind and the number of copies. */
@Embeddable
public record RequiredDocument(
        @Column(name = "name", nullable = false, length = 1000) String name,
        @Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false) DocumentKind kind,
        @Column(name = "doc_count", nullable = false) int count) {
}
