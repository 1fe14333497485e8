package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.DocumentKind;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.RequiredDocument;

/**
 * The papers checklist of a dossier: the required documents of its procedure, which of them the counter has
 * received (at intake, at the reception check of an online dossier, with a supplement) and which are missing.
 * The checklist is copied from the catalog the first time a paper is recorded, so what was asked stays as it was.
 */
@Service
@Transactional
public class DossierPapers {

    /** The longest note a status change keeps (Form 02 prints it). */
    public static final int MAX_NOTE = 2000;

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final DossierPaperRepository papers;
    private final Dossiers dossiers;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    DossierPapers(DossierPaperRepository papers, Dossiers dossiers, WorkingCalendar calendar, MessageSource messages) {
        this.papers = papers;
        this.dossiers = dossiers;
        this.calendar = calendar;
        this.messages = messages;
    }

    /**
     * The checklist, in the procedure's order: the recorded rows, or (before the counter checked anything) the
     * procedure's documents, none received.
     */
    @Transactional(readOnly = true)
    public List<DossierPaper> checklist(String code) {
        List<DossierPaper> recorded = papers.findByDossierCodeOrderByPositionAsc(code);
        return recorded.isEmpty() ? fromCatalog(dossiers.require(code)) : recorded;
    }

    /** {@link #checklist(String)} of a dossier the caller has read already. */
    @Transactional(readOnly = true)
    public List<DossierPaper> checklist(Dossier dossier) {
        List<DossierPaper> recorded = papers.findByDossierCodeOrderByPositionAsc(dossier.getCode());
        return recorded.isEmpty() ? fromCatalog(dossier) : recorded;
    }

    /** How many papers the dossier's checklist has: the valid positions are 0 to this less one. */
    @Transactional(readOnly = true)
    public int size(String code) {
        return checklist(code).size();
    }

    /**
     * Records that the papers at these positions were received now, by {@code actor}; papers received before keep
     * their time. Positions outside the checklist are an error of the caller (check them first).
     */
    public void receive(String code, Collection<Integer> positions, String actor) {
        List<DossierPaper> rows = rows(code);
        Map<Integer, DossierPaper> byPosition = rows.stream()
                .collect(Collectors.toMap(DossierPaper::getPosition, Function.identity()));
        for (Integer position : new TreeSet<>(positions)) {
            DossierPaper paper = byPosition.get(position);
            if (paper == null) {
                throw new IllegalArgumentException("Dossier " + code + " has no paper at position " + position);
            }
            paper.received(calendar.now(), actor);
        }
    }

    /** The papers not received yet, in order. */
    @Transactional(readOnly = true)
    public List<DossierPaper> missing(String code) {
        return checklist(code).stream().filter(p -> !p.isReceived()).toList();
    }

    /** The papers at these positions, in order, as Form 02 lists them ("1. name (kind, n bản)"), one a line. */
    public String list(List<DossierPaper> listed) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            DossierPaper paper = listed.get(i);
            lines.add(messages.getMessage("paper.line", new Object[] {i + 1, paper.getName(), kind(paper.getKind()),
                    paper.getCount()}, VI));
        }
        return String.join("\n", lines);
    }

    /**
     * The note of a supplement request that lists the papers not ticked off: "Giấy tờ còn thiếu:" and one line per
     * paper, then the officer's own note if any. Null when nothing is missing and the officer wrote nothing.
     */
    public String supplementNote(List<DossierPaper> missing, String officerNote) {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(messages.getMessage("paper.missing", null, VI) + "\n" + list(missing));
        }
        if (officerNote != null && !officerNote.isBlank()) {
            parts.add(officerNote.strip());
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /**
     * {@link #supplementNote} for a dossier not filed yet: the procedure's documents not among {@code received}.
     */
    public String supplementNote(Procedure procedure, java.util.Collection<Integer> received, String officerNote) {
        List<RequiredDocument> documents = procedure.getDocuments();
        List<DossierPaper> missing = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!received.contains(i)) {
                RequiredDocument d = documents.get(i);
                missing.add(new DossierPaper(null, i, d.name(), d.kind(), d.count()));
            }
        }
        return supplementNote(missing, officerNote);
    }

    /** A paper as the checklist shows it: its number in the procedure's list, name, kind and copies. */
    public String label(DossierPaper paper) {
        return messages.getMessage("paper.line", new Object[] {paper.getPosition() + 1, paper.getName(),
                kind(paper.getKind()), paper.getCount()}, VI);
    }

    /** The Vietnamese name of a paper's kind. */
    public String kind(DocumentKind kind) {
        return messages.getMessage("paper.kind." + kind.name(), null, kind.name(), VI);
    }

    private List<DossierPaper> rows(String code) {
        List<DossierPaper> recorded = papers.findByDossierCodeOrderByPositionAsc(code);
        if (!recorded.isEmpty()) {
            return recorded;
        }
        return papers.saveAll(fromCatalog(dossiers.require(code)));
    }

    private List<DossierPaper> fromCatalog(Dossier dossier) {
        Procedure procedure = dossiers.procedureOf(dossier);
        List<RequiredDocument> documents = procedure.getDocuments();
        List<DossierPaper> list = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            RequiredDocument d = documents.get(i);
            list.add(new DossierPaper(dossier.getCode(), i, d.name(), d.kind(), d.count()));
        }
        return list;
    }
}
