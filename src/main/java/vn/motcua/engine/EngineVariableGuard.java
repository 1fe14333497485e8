package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.motcua.http.CachedBodyRequest;
import vn.motcua.text.PlainTexts;

/**
 * Stands in front of both engine REST APIs (the public {@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}) and refuses, before the engine sees it, every request that would write
 * a variable the forms do not ask for ({@link FormVariables}): so no caller, administrators included,
 * can write a variable the engine owns (the dossier code, outcomes, escalation ids, notice keys…).
 * <p>
 * It looks at every request that is not a read: the variable named in the path
 * ({@code …/variables/{name}}, {@code …/localVariables/{name}}, with {@code /data}), and in a JSON
 * body every map of variables wherever it sits ({@code variables}, {@code localVariables},
 * {@code processVariables}, {@code processVariablesLocal}, {@code processVariablesToTriggeredScope},
 * {@code modifications}) and every {@code deletions} list: task completion, form submission, variable
 * updates of tasks, executions and process instances, process starts, messages, signals, instance
 * modifications, external tasks. A body it cannot read as JSON is refused too, and so is any start of a
 * process instance (a definition's start, submit-form or restart; a conditional start): the application
 * starts every process itself, bound to its dossier. Refusals answer in the
 * engine REST API's own error shape, {@code {"type":…,"message":…}}.
 */
class EngineVariableGuard extends OncePerRequestFilter {

    static final String REFUSED = "EngineVariableRefused";

    /** Fields holding a map from variable name to value, anywhere in a body (compared in lower case). */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "localvariables", "processvariables",
            "processvariableslocal", "processvariablestotriggeredscope", "modifications");
    private static final String DELETIONS = "deletions";
    private static final Set<String> PROCESS_STARTS = Set.of("start", "submit-form", "restart", "restart-async");
    private static final Set<String> PATH_VARIABLES = Set.of("variables", "localvariables");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Evaluating a decision table takes input values and writes no variable anywhere. */
    private static final Set<String> NO_VARIABLE_WRITES = Set.of("decision-definition");
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final FormVariables forms;
    private final TaskForms taskForms;
    private final MessageSource messages;
    private final List<List<String>> prefixes;
    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @param prefixes where the APIs are mounted, e.g. {@code /engine-rest} and {@code /camunda/api/engine}
     */
    EngineVariableGuard(FormVariables forms, TaskForms taskForms, MessageSource messages, List<String> prefixes) {
        this.forms = forms;
        this.taskForms = taskForms;
        this.messages = messages;
        this.prefixes = prefixes.stream().map(p -> segments(p)).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            List<String> read = resourcePath(request);
            if (read != null && countsAcrossUnits(read)) {
                refuse(response, 403, "engine.operations.refused", List.of());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        List<String> path = resourcePath(request);
        if (path == null) {
            refuse(response, 400, "engine.variables.badPath", List.of());
            return;
        }
        if (startsAProcess(path)) {
            refuse(response, 403, "engine.processes.startRefused", List.of());
            return;
        }
        if (!path.isEmpty() && NO_VARIABLE_WRITES.contains(path.get(0))) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            if (PATH_VARIABLES.contains(path.get(i).toLowerCase(Locale.ROOT))) {
                names.add(path.get(i + 1));
            }
        }
        HttpServletRequest forwarded = request;
        if (!isMultipart(request)) {
            String encoding = request.getHeader("Content-Encoding");
            if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
                refuse(response, 400, "engine.variables.badBody", List.of());
                return;
            }
            String charset = request.getCharacterEncoding();
            if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset.strip())) {
                refuse(response, 400, "engine.variables.badBody", List.of());
                return;
            }
            byte[] body = read(request.getInputStream());
            if (body == null) {
                refuse(response, 413, "engine.variables.tooLarge", List.of());
                return;
            }
            if (!blank(body)) {
                JsonNode tree;
                try {
                    tree = json.readTree(body);
                } catch (IOException e) {
                    refuse(response, 400, "engine.variables.badBody", List.of());
                    return;
                }
                collect(tree, names);
                OptionalInt refusedCharacter = commentCharacter(path, tree);
                if (refusedCharacter.isPresent()) {
                    refuse(response, 400, "engine.comment.notPlain",
                            List.of(Integer.toString(refusedCharacter.getAsInt() + 1)));
                    return;
                }
            }
            forwarded = new CachedBodyRequest(request, body);
        }
        // on a task, only what that task's own form asks for; elsewhere what any form asks for
        Optional<String> taskForm = names.isEmpty() || path.size() < 3 || !"task".equals(path.get(0))
                ? Optional.empty() : taskForms.formKey(path.get(1));
        List<String> refused = names.stream().filter(name -> taskForm
                .map(form -> !forms.writableOn(form, name)).orElse(!forms.writable(name))).toList();
        if (!refused.isEmpty()) {
            refuse(response, 403, "engine.variables.refused", refused);
            return;
        }
        String refusedOperation = refusedOperation(request.getMethod().toUpperCase(Locale.ROOT), path);
        if (refusedOperation != null) {
            refuse(response, 403, refusedOperation, List.of());
            return;
        }
        chain.doFilter(forwarded, response);
    }

    /**
     * The message key of an operation no caller may make through the REST APIs, administrators included, or
     * null. Each would change a dossier's path or its tasks behind the processes: an error or escalation thrown
     * from a task (no BPMN catches one: it ends the dossier's process, across units), a task-local variable (it
     * hides the process's value, the decision included, from the listeners that check a completion), a
     * deployment (code that runs in the engine), external tasks (there are none), and the task's own structure
     * (its name, due date, candidate groups, delegation, attachments, a task of one's own, a deletion): a
     * task's due date and groups come from the catalog and the working calendar, and an officer who moved them
     * would drop the task out of the overdue lists or out of every list. Claiming, assigning, completing,
     * submitting a form, the form's variables and comments stay open, as authorizations allow.
     */
    static String refusedOperation(String method, List<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        String resource = path.get(0);
        String last = path.get(path.size() - 1).toLowerCase(Locale.ROOT);
        if ("deployment".equals(resource) && ("create".equals(last) || "redeploy".equals(last))) {
            return "engine.operations.deployment";
        }
        if ("external-task".equals(resource)) {
            return "engine.operations.refused";
        }
        if (path.stream().anyMatch(segment -> "localvariables".equalsIgnoreCase(segment))) {
            return "engine.operations.localVariables";
        }
        if (!"task".equals(resource)) {
            return null;
        }
        if (path.size() == 2 && ("create".equals(last) ? "POST".equals(method)
                : ("PUT".equals(method) || "DELETE".equals(method)))) {
            return "engine.operations.task";
        }
        if (path.size() >= 3) {
            String operation = path.get(2).toLowerCase(Locale.ROOT);
            if (Set.of("bpmnerror", "bpmnescalation").contains(operation)) {
                return "engine.operations.bpmnError";
            }
            if (Set.of("identity-links", "delegate", "attachment").contains(operation)) {
                return "engine.operations.task";
            }
        }
        return null;
    }

    /**
     * Where a task comment ({@code task/{id}/comment/create}) holds a character no typed text may hold (a
     * control character, a direction override: see {@link PlainTexts}); empty for any other request.
     */
    private static OptionalInt commentCharacter(List<String> path, JsonNode body) {
        if (path.size() == 4 && "task".equals(path.get(0)) && "comment".equals(path.get(2))
                && "create".equals(path.get(3)) && body.path("message").isTextual()) {
            return PlainTexts.firstRefused(body.path("message").asText(), true);
        }
        return OptionalInt.empty();
    }

    /**
     * A report the engine counts without its tenant check, over every unit's instances: the history cleanup
     * reports ({@code history/…/cleanable-…-report}). The application has no use for them through REST.
     */
    static boolean countsAcrossUnits(List<String> path) {
        return path.size() >= 2 && "history".equals(path.get(0))
                && path.stream().anyMatch(segment -> segment.toLowerCase(Locale.ROOT).startsWith("cleanable-"));
    }

    /**
     * A start (or restart) of a process instance. Every process here is started by the application, bound
     * to its dossier by the business key; a start through the REST API could bind a new instance to any
     * dossier, whatever its variables.
     */
    private static boolean startsAProcess(List<String> path) {
        if (path.isEmpty()) {
            return false;
        }
        if ("condition".equals(path.get(0))) {
            return true;
        }
        return "process-definition".equals(path.get(0)) && path.size() >= 2
                && PROCESS_STARTS.contains(path.get(path.size() - 1));
    }

    /** The variable names a body writes or deletes, wherever they sit in it. */
    static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().toLowerCase(Locale.ROOT);
                JsonNode value = field.getValue();
                if (VARIABLE_MAPS.contains(key) && value.isObject()) {
                    value.fieldNames().forEachRemaining(names::add);
                }
                if (DELETIONS.equals(key) && value.isArray()) {
                    value.forEach(name -> names.add(name.isTextual() ? name.asText() : name.toString()));
                } else if (DELETIONS.equals(key) && value.isTextual()) {
                    names.add(value.asText());
                }
                collect(value, names);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, names));
        }
    }

    /**
     * The path below the API's root and below {@code /engine/{name}}, one decoded segment each (path
     * parameters cut off, dot segments resolved), as the REST resources see it; null when the request is
     * not under one of the prefixes.
     */
    List<String> resourcePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        List<String> path = segments(uri);
        for (List<String> prefix : prefixes) {
            if (path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix)) {
                List<String> rest = new ArrayList<>(path.subList(prefix.size(), path.size()));
                if (rest.size() >= 2 && "engine".equals(rest.get(0))) {
                    rest = new ArrayList<>(rest.subList(2, rest.size()));
                }
                return rest;
            }
        }
        return null;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            int parameters = raw.indexOf(';');
            String segment = decode(parameters >= 0 ? raw.substring(0, parameters) : raw);
            if (segment.isEmpty() || ".".equals(segment)) {
                continue;
            }
            if ("..".equals(segment)) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The whole body, or null when it is larger than the limit. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private void refuse(HttpServletResponse response, int status, String key, List<String> names)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", REFUSED);
        error.put("message", messages.getMessage(key, new Object[] {String.join(", ", names)}, key, VI));
        if (!names.isEmpty()) {
            error.put("variables", names);
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(error));
    }
}
