package vn.motcua.counter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureField;
import vn.motcua.dossier.Actors;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPapers;
import vn.motcua.dossier.DossierProblem;
import vn.motcua.dossier.DossierWorkflow;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.online.AttachmentKind;
import vn.motcua.online.DossierFiles;

/**
 * The counter's intake from Tasklist: a dossier filed by the same domain code as {@code POST /api/dossiers}
 * ({@link Dossiers#intake}, same validation and messages, the same lifecycle with the dossier code as business key in
 * the receiving unit's tenant), its scanned papers stored as the online channel stores files, its papers checklist,
 * and the counter's decision taken on the spot on its reception check. Everything is checked before anything is
 * stored, and everything commits together or not at all.
 */
@Service
class CounterIntakes {

    /** A file part: the scan of the paper at this position of the procedure's checklist ({@code scan.0}, …). */
    static final Pattern SCAN_PART = Pattern.compile("scan\\.(\\d{1,4})");
    /** The JSON part with the dossier itself. */
    static final String DOSSIER_PART = "dossier";
    /** The longest value of one of the procedure's own fields. */
    static final int MAX_FIELD = 1000;

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Catalog catalog;
    private final Dossiers dossiers;
    private final DossierPapers papers;
    private final DossierWorkflow workflow;
    private final DossierFiles files;
    private final MessageSource messages;

    CounterIntakes(Catalog catalog, Dossiers dossiers, DossierPapers papers, DossierWorkflow workflow,
            DossierFiles files, MessageSource messages) {
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.papers = papers;
        this.workflow = workflow;
        this.files = files;
        this.messages = messages;
    }

    /** The procedures the caller may receive at a counter: those whose receiving unit's reception they belong to. */
    @Transactional(readOnly = true)
    List<Procedure> procedures() {
        return catalog.procedures().stream().filter(dossiers::canIntake).toList();
    }

    /**
     * Receives a dossier at the counter.
     *
     * @param scans the file parts by name: {@code scan.<position>} for the scans of a ticked paper
     * @throws DossierProblem  422 for an unknown procedure, 403 for one the caller's counter does not receive
     * @throws CounterProblem  400 with a message per field for papers, fields, scans or a decision that do not fit
     */
    @Transactional
    Dossier intake(CounterIntakeRequest request, MultiValueMap<String, MultipartFile> scans) {
        Procedure procedure = catalog.procedure(request.procedureCode().strip())
                .orElseThrow(() -> new DossierProblem(HttpStatus.UNPROCESSABLE_ENTITY, "intake.procedure.unknown",
                        request.procedureCode()));
        if (!dossiers.canIntake(procedure)) {
            throw new DossierProblem(HttpStatus.FORBIDDEN, "dossier.forbidden");
        }
        List<CounterProblem.FieldError> errors = new ArrayList<>();
        int count = procedure.getDocuments().size();
        Set<Integer> received = new TreeSet<>();
        for (Integer position : request.receivedPapers()) {
            if (position < 0 || position >= count) {
                errors.add(error("receivedPapers", "counter.paper.unknown", position + 1));
            } else {
                received.add(position);
            }
        }
        Map<String, Object> formData = formData(procedure, request.formData(), errors);
        List<DossierFiles.Scan> checkedScans = scans(scans, count, received, errors);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        switch (request.decision()) {
            case SUPPLEMENT -> {
                String composed = papers.supplementNote(procedure, received, note);
                if (composed == null) {
                    errors.add(error("note", "counter.supplement.empty"));
                } else if (composed.length() > DossierPapers.MAX_NOTE) {
                    errors.add(error("note", "counter.note.tooLong", DossierPapers.MAX_NOTE));
                }
            }
            case REFUSE -> {
                if (note == null) {
                    errors.add(error("note", "counter.refuse.reason"));
                }
            }
            case APPROVE -> {
            }
        }
        if (!errors.isEmpty()) {
            throw new CounterProblem(message("api.invalid"), errors);
        }
        DossierFiles.Checked checked = files.check(checkedScans, false);

        Dossier dossier = dossiers.intake(new IntakeRequest(procedure.getCode(), Channel.COUNTER, request.applicant(),
                formData, request.returnMethod(), request.sets()));
        String code = dossier.getCode();
        if (!checked.isEmpty()) {
            files.store(code, AttachmentKind.APPLICATION, checked, Actors.current());
            dossiers.digitised(code);
        }
        workflow.receptionDecided(code, Actors.current(), request.decision().name(), note, received);
        return dossiers.require(code);
    }

    /** The procedure's own fields as filed: only its declared keys and the applicant's request, blank ones left out. */
    private Map<String, Object> formData(Procedure procedure, Map<String, Object> given,
            List<CounterProblem.FieldError> errors) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (given == null) {
            return data;
        }
        Set<String> keys = new TreeSet<>();
        procedure.getFields().forEach(field -> keys.add(field.key()));
        keys.add(ProcedureField.REQUEST);
        given.forEach((key, value) -> {
            String field = "formData." + key;
            if (!keys.contains(key)) {
                errors.add(error(field, "counter.field.unknown", key));
            } else if (value != null && !(value instanceof String)) {
                errors.add(error(field, "api.field.wrongType"));
            } else if (value != null && ((String) value).strip().length() > MAX_FIELD) {
                errors.add(error(field, "counter.field.size", MAX_FIELD));
            } else if (value != null && !((String) value).isBlank()) {
                data.put(key, ((String) value).strip());
            }
        });
        return data;
    }

    private List<DossierFiles.Scan> scans(MultiValueMap<String, MultipartFile> parts, int count, Set<Integer> received,
            List<CounterProblem.FieldError> errors) {
        List<DossierFiles.Scan> scans = new ArrayList<>();
        if (parts == null) {
            return scans;
        }
        for (Map.Entry<String, List<MultipartFile>> part : parts.entrySet()) {
            if (DOSSIER_PART.equals(part.getKey())) {
                continue; // the JSON part, which a browser sends as a file (a Blob)
            }
            Matcher scan = SCAN_PART.matcher(part.getKey());
            if (!scan.matches()) {
                errors.add(error(part.getKey(), "counter.scan.part"));
                continue;
            }
            int position = Integer.parseInt(scan.group(1));
            if (position >= count) {
                errors.add(error(part.getKey(), "counter.paper.unknown", position + 1));
            } else if (!received.contains(position)) {
                errors.add(error(part.getKey(), "counter.scan.notReceived", position + 1));
            } else {
                List<MultipartFile> given = part.getValue();
                for (int i = 0; i < given.size(); i++) {
                    scans.add(new DossierFiles.Scan(given.get(i), position, part.getKey() + "[" + i + "]"));
                }
            }
        }
        return scans;
    }

    private CounterProblem.FieldError error(String field, String key, Object... args) {
        return new CounterProblem.FieldError(field, message(key, args));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
