package vn.motcua.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierPapers;
import vn.motcua.online.AttachmentKind;
import vn.motcua.online.DossierFiles;

/**
 * Added to the complete event of every user task (see {@link TaskFactsPlugin}); acts on the tasks whose form has the
 * papers checklist (BPMN property {@code papers}). The papers ticked off ({@code receivedPapers}: their positions in
 * the dossier's checklist, received with this task) are recorded as received now. On the reception check
 * ({@code papers=checklist}) a supplement request gets, as its note (and so on Form 02), the list of the papers still
 * missing, then the officer's own note. Recording a supplement ({@code papers=supplement}) must record something: a
 * paper ticked, a scan uploaded during the task, or a note. Runs before the decision check, so the composed note is
 * what that check and the status change see.
 */
@Component
class PapersListener implements TaskListener {

    static final String CHECKLIST = "checklist";
    static final String SUPPLEMENT = "supplement";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final DossierPapers papers;
    private final DossierFiles files;
    private final IdentityService identity;
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    PapersListener(DossierPapers papers, DossierFiles files, IdentityService identity, MessageSource messages) {
        this.papers = papers;
        this.files = files;
        this.identity = identity;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String code = DossierKeys.of(task);
        Optional<String> mode = TaskProperties.of(task, ProcessVariables.PAPERS_PROPERTY);
        if (code == null || mode.isEmpty()) {
            return;
        }
        boolean submitted = task.hasVariable(ProcessVariables.RECEIVED_PAPERS);
        List<Integer> positions = submitted ? positions(task.getVariable(ProcessVariables.RECEIVED_PAPERS))
                : List.of();
        int size = papers.size(code);
        for (Integer position : positions) {
            if (position < 0 || position >= size) {
                throw new DecisionRejected(message("paper.invalid", position + 1));
            }
        }
        if (submitted) {
            // only a checklist the officer filled in says which papers are missing
            papers.receive(code, positions, actor(task));
        }
        Object note = task.getVariable(ProcessVariables.NOTE);
        String officerNote = note instanceof String text && !text.isBlank() ? text : null;
        if (CHECKLIST.equals(mode.get()) && submitted
                && StepEndListener.SUPPLEMENT.equals(task.getVariable(ProcessVariables.DECISION))) {
            String composed = papers.supplementNote(papers.missing(code), officerNote);
            if (composed != null && composed.length() > DossierPapers.MAX_NOTE) {
                throw new DecisionRejected(message("counter.note.tooLong", DossierPapers.MAX_NOTE));
            }
            task.setVariable(ProcessVariables.NOTE, composed);
        }
        if (SUPPLEMENT.equals(mode.get()) && positions.isEmpty() && officerNote == null
                && files.of(code).stream().noneMatch(file -> file.getKind() == AttachmentKind.SUPPLEMENT
                        && !file.getUploadedAt().isBefore(task.getCreateTime().toInstant()))) {
            throw new DecisionRejected(message("supplement.nothingRecorded"));
        }
    }

    /** The positions a checklist submitted: a JSON array of numbers or of their decimal strings. */
    private List<Integer> positions(Object value) {
        JsonNode node;
        try {
            if (value == null) {
                return List.of();
            } else if (value instanceof SpinJsonNode spin) {
                node = json.readTree(spin.toString());
            } else if (value instanceof String text) {
                node = json.readTree(text);
            } else {
                throw new DecisionRejected(message("paper.list.invalid"));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DecisionRejected(message("paper.list.invalid"));
        }
        if (node == null || !node.isArray()) {
            throw new DecisionRejected(message("paper.list.invalid"));
        }
        List<Integer> positions = new ArrayList<>();
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            JsonNode element = it.next();
            if (element.isInt()) {
                positions.add(element.asInt());
            } else if (element.isTextual() && element.asText().matches("\\d{1,4}")) {
                positions.add(Integer.parseInt(element.asText()));
            } else {
                throw new DecisionRejected(message("paper.list.invalid"));
            }
        }
        return positions;
    }

    private String actor(DelegateTask task) {
        Authentication auth = identity.getCurrentAuthentication();
        return auth != null ? auth.getUserId() : task.getAssignee();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
