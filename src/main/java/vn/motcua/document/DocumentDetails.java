package vn.motcua.document;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;

/** The documents' part of a dossier's staff view: the standard forms it has now, with their links. */
@Component
class DocumentDetails implements DossierDetails {

    private final Documents documents;

    DocumentDetails(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void addTo(Dossier dossier, Map<String, Object> view) {
        view.put("documents", documents.available(dossier.getCode()));
    }
}
