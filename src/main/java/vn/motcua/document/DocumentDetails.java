package vn.motcua.document;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDetails;
import vn.motcua.dossier.StatusChange;

/** The documents' part of a dossier's staff view: the standard forms it has now, with their links. */
@Component
class DocumentDetails implements DossierDetails {

    private final Documents documents;

    DocumentDetails(Documents documents) {
        this.documents = documents;
    }

    @Override
    public void addTo(Dossier dossier, List<StatusChange> history, Map<String, Object> view) {
        view.put("documents", documents.available(dossier, history));
    }
}
