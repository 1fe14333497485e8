package vn.motcua.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureField;
import vn.motcua.document.AvailableDocument;
import vn.motcua.document.Documents;
import vn.motcua.document.OfficerNames;
import vn.motcua.dossier.Actors;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierPaper;
import vn.motcua.dossier.DossierPapers;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Opinion;
import vn.motcua.dossier.Opinions;
import vn.motcua.dossier.StatusChange;
import vn.motcua.online.Attachment;
import vn.motcua.online.DossierFiles;
import vn.motcua.online.PageFormat;

/**
 * The dossier panel every task form shows, as one JSON variable of the task's form ({@code dossierPanel}, added when
 * the form is read: {@link DossierPanelFormService}): the code, the procedure, the applicant with ID number and phone,
 * the procedure's fields as filed, the papers with the files of each and links to open them, the appointment and the
 * step's own due date, the previous step's opinion, the documents to print, the history with human step names. Built
 * from the dossier tables.
 *
 * <p>Every value is plain text (or a link the application builds from the dossier code and numeric ids): the forms'
 * HTML view inserts values escaped, and never takes a link from what a citizen typed. No value is null, so a
 * template never shows "null".
 */
@Component
class DossierPanels {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** Forms 01–06: Form 07 is the unit's register, not the dossier's. */
    private static final Set<String> PRINTABLE = Set.of("01", "02", "03", "04", "05", "06");

    private final Dossiers dossiers;
    private final DossierPapers papers;
    private final Opinions opinions;
    private final DossierFiles files;
    private final Documents documents;
    private final OfficerNames officers;
    private final StepNames steps;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();
    private final PageFormat format = new PageFormat();

    DossierPanels(Dossiers dossiers, DossierPapers papers, Opinions opinions, DossierFiles files, Documents documents,
            OfficerNames officers, StepNames steps, WorkingCalendar calendar, MessageSource messages) {
        this.dossiers = dossiers;
        this.papers = papers;
        this.opinions = opinions;
        this.files = files;
        this.documents = documents;
        this.officers = officers;
        this.steps = steps;
        this.calendar = calendar;
        this.messages = messages;
    }

    /** The panel as a JSON variable, for a task due at {@code stepDue} (null: the step has no due date). */
    JsonValue variable(String code, Date stepDue) {
        Dossier dossier = dossiers.require(code);
        return jsonValue(panel(dossier, papers.checklist(dossier), stepDue));
    }

    /**
     * The checklist's choices for a form ({@link ProcessVariables#PAPER_OPTIONS}): the papers not received yet,
     * "1. name (kind, n bản)" with the paper's position as value; the officer ticks those the citizen hands in now.
     */
    JsonValue paperOptions(Dossier dossier) {
        return paperOptions(papers.checklist(dossier));
    }

    private JsonValue paperOptions(List<DossierPaper> checklist) {
        List<Map<String, String>> options = new ArrayList<>();
        for (DossierPaper paper : checklist) {
            if (!paper.isReceived()) {
                options.add(Map.of("label", papers.label(paper), "value", Integer.toString(paper.getPosition())));
            }
        }
        return jsonValue(options);
    }

    private JsonValue jsonValue(Object value) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a variable of a dossier's task", e);
        }
    }

    private Map<String, Object> panel(Dossier dossier, List<DossierPaper> checklistRows, Date stepDue) {
        String code = dossier.getCode();
        Procedure procedure = dossiers.procedureOf(dossier);
        Map<String, Object> panel = new LinkedHashMap<>();
        // each officer's name looked up once for the panel (the same few officers sign most lines)
        Map<String, String> names = new HashMap<>();
        panel.put("code", code);
        panel.put("procedure", procedure.getName() + " (" + procedure.getCode() + ")");
        panel.put("unit", procedure.getReceivingUnit().getName());
        panel.put("channel", message(dossier.getChannel() == Channel.ONLINE ? "panel.channel.online" : "panel.channel.counter"));
        panel.put("status", message(dossier.getStatus().messageKey()));
        Map<String, String> applicant = new LinkedHashMap<>();
        applicant.put("fullName", dossier.getApplicant().fullName());
        applicant.put("idNumber", dossier.getApplicant().idNumber());
        applicant.put("phone", dossier.getApplicant().phone());
        applicant.put("email", text(dossier.getApplicant().email()));
        applicant.put("address", dossier.getApplicant().address());
        panel.put("applicant", applicant);
        panel.put("filedAt", at(dossier.getFiledAt()));
        panel.put("receivedAt", at(dossier.getReceivedAt()));
        panel.put("appointment", at(dossier.getAppointmentAt()));
        panel.put("stepDue", stepDue == null ? message("task.facts.notYet") : at(stepDue.toInstant()));

        List<Map<String, String>> fields = fields(procedure, dossier.getFormData());
        panel.put("fields", fields);
        panel.put("hasFields", !fields.isEmpty());

        List<Attachment> stored = files.of(code);
        List<Opinion> given = opinions.of(code);
        List<StatusChange> lines = dossiers.history(code);
        lookUp(names, Stream.of(stored.stream().map(Attachment::getUploadedBy), given.stream().map(Opinion::getActor),
                lines.stream().map(StatusChange::getActor)).flatMap(actors -> actors));
        List<Map<String, Object>> checklist = new ArrayList<>();
        for (DossierPaper paper : checklistRows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", Integer.toString(paper.getPosition() + 1));
            row.put("title", paper.getName());
            row.put("kind", papers.kind(paper.getKind()));
            row.put("copies", Integer.toString(paper.getCount()));
            row.put("state", message(!paper.isRecorded() ? "panel.paper.unchecked"
                    : paper.isReceived() ? "panel.paper.received" : "panel.paper.missing"));
            row.put("files", stored.stream()
                    .filter(file -> Integer.valueOf(paper.getPosition()).equals(file.getPaperPosition()))
                    .map(file -> file(file, names)).toList());
            checklist.add(row);
        }
        panel.put("papers", checklist);
        List<Map<String, String>> others = stored.stream().filter(file -> file.getPaperPosition() == null)
                .map(file -> file(file, names)).toList();
        panel.put("otherFiles", others);
        panel.put("hasOtherFiles", !others.isEmpty());

        List<Map<String, String>> opinionRows = given.stream().map(o -> opinion(o, names)).toList();
        panel.put("hasOpinion", !given.isEmpty());
        panel.put("opinion", given.isEmpty() ? opinion(null, names) : opinionRows.get(opinionRows.size() - 1));
        panel.put("opinions", opinionRows);

        List<Map<String, String>> printable = new ArrayList<>();
        for (AvailableDocument document : documents.available(dossier, lines)) {
            if (PRINTABLE.contains(document.form())) {
                printable.add(Map.of("title", message("panel.document", document.form(), document.title())
                        + (document.n() == null ? "" : " (" + message("panel.document.occurrence", document.n()) + ")"),
                        "href", document.url(), "pdf", document.pdfUrl()));
            }
        }
        panel.put("documents", printable);
        panel.put("hasDocuments", !printable.isEmpty());

        List<Map<String, String>> history = new ArrayList<>();
        for (StatusChange line : lines) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("at", at(line.getAt()));
            row.put("step", steps.of(line.getStep(), line.getFrom() == null ? message("step.name.filed")
                    : message(line.getTo().messageKey())));
            row.put("result", message(line.getTo().messageKey()));
            row.put("by", actor(line.getActor(), names));
            row.put("note", text(line.getNote()));
            history.add(row);
        }
        panel.put("history", history);
        return panel;
    }

    private List<Map<String, String>> fields(Procedure procedure, String formData) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (formData != null && !formData.isBlank()) {
            try {
                data.putAll(json.readValue(formData, new TypeReference<Map<String, Object>>() { }));
            } catch (JsonProcessingException e) {
                data.put("formData", formData);
            }
        }
        List<Map<String, String>> fields = new ArrayList<>();
        Set<String> shown = new TreeSet<>();
        for (ProcedureField field : procedure.getFields()) {
            if (data.containsKey(field.key())) {
                fields.add(Map.of("label", field.label(), "value", value(data.get(field.key()))));
                shown.add(field.key());
            }
        }
        if (data.containsKey(ProcedureField.REQUEST)) {
            fields.add(Map.of("label", message("panel.field.request"), "value", value(data.get(ProcedureField.REQUEST))));
            shown.add(ProcedureField.REQUEST);
        }
        data.forEach((key, value) -> {
            if (!shown.contains(key)) {
                fields.add(Map.of("label", key, "value", value(value)));
            }
        });
        return fields;
    }

    private String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private Map<String, String> file(Attachment file, Map<String, String> names) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("fileName", file.getOriginalName());
        row.put("fileSize", format.size(file.getSize()));
        row.put("kind", message("panel.file." + file.getKind().name()));
        row.put("by", actor(file.getUploadedBy(), names));
        row.put("at", at(file.getUploadedAt()));
        row.put("href", DossierFiles.href(file));
        return row;
    }

    private Map<String, String> opinion(Opinion opinion, Map<String, String> names) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("step", opinion == null ? "" : opinion.getStepName());
        row.put("by", opinion == null ? "" : actor(opinion.getActor(), names));
        row.put("at", opinion == null ? "" : at(opinion.getAt()));
        row.put("decision", opinion == null ? "" : text(opinion.getDecisionLabel()));
        row.put("note", opinion == null ? "" : text(opinion.getNote()));
        return row;
    }

    /** The officers among the actors, their names looked up together, as {@link #actor} shows them. */
    private void lookUp(Map<String, String> names, Stream<String> actors) {
        Set<String> officerIds = actors.filter(id -> id != null && !id.isBlank() && !Actors.CITIZEN.equals(id)
                && !Actors.SYSTEM.equals(id)).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> found = officerIds.isEmpty() ? Map.of() : officers.fullNames(officerIds);
        for (String id : officerIds) {
            names.put(id, found.containsKey(id) ? found.get(id) + " (" + id + ")" : id);
        }
    }

    private String actor(String userId, Map<String, String> names) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (Actors.CITIZEN.equals(userId)) {
            return message("panel.actor.citizen");
        }
        if (Actors.SYSTEM.equals(userId)) {
            return message("panel.actor.system");
        }
        return names.computeIfAbsent(userId,
                id -> officers.fullName(id).map(name -> name + " (" + id + ")").orElse(id));
    }

    private String at(Instant instant) {
        return instant == null ? message("task.facts.notYet") : VN.format(instant.atZone(calendar.zone()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
