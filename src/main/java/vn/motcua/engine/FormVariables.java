package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The allow-list of variables a caller of the REST APIs may write: the keys of the fields of the
 * forms officers fill in ({@code forms/*.form}, deployed with the processes), and nothing else. A
 * disabled field only shows a fact of the dossier (form-js leaves it out of what it submits), so it
 * adds nothing to the list. Read once at start-up; a form that asks for a variable the engine owns
 * stops the start.
 */
@Component
class FormVariables {

    static final String FORMS = "classpath*:forms/**/*.form";

    private final Set<String> writable;
    private final Map<String, Set<String>> byForm;
    /** Per form, per field, the label of each value of its radio or select choices. */
    private final Map<String, Map<String, Map<String, String>>> labels;

    FormVariables() throws IOException {
        this(new PathMatchingResourcePatternResolver(), FORMS);
    }

    FormVariables(ResourcePatternResolver resolver, String pattern) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> keys = new TreeSet<>();
        Map<String, Set<String>> forms = new TreeMap<>();
        Map<String, Map<String, Map<String, String>>> choices = new TreeMap<>();
        for (Resource form : resolver.getResources(pattern)) {
            try (InputStream in = form.getInputStream()) {
                JsonNode schema = json.readTree(in);
                Set<String> own = new TreeSet<>();
                collectKeys(schema, own);
                keys.addAll(own);
                if (schema.path("id").isTextual()) {
                    collectLabels(schema, choices.computeIfAbsent(schema.path("id").asText(), id -> new TreeMap<>()));
                    forms.merge(schema.path("id").asText(), own, (a, b) -> {
                        Set<String> both = new TreeSet<>(a);
                        both.addAll(b);
                        return both;
                    });
                }
            }
        }
        Set<String> owned = new TreeSet<>(keys);
        owned.retainAll(ProcessVariables.ENGINE_OWNED);
        if (!owned.isEmpty()) {
            throw new IllegalStateException("Forms ask officers for variables the engine owns: " + owned);
        }
        this.writable = Collections.unmodifiableSet(keys);
        Map<String, Set<String>> perForm = new TreeMap<>();
        forms.forEach((id, own) -> perForm.put(id, Collections.unmodifiableSet(own)));
        this.byForm = Collections.unmodifiableMap(perForm);
        this.labels = Collections.unmodifiableMap(choices);
    }

    /** The labels of the values of the forms' radio and select fields (static {@code values}), nested ones too. */
    private static void collectLabels(JsonNode node, Map<String, Map<String, String>> labels) {
        for (JsonNode component : node.path("components")) {
            if (component.path("key").isTextual() && component.path("values").isArray()) {
                Map<String, String> byValue = labels.computeIfAbsent(component.path("key").asText(), k -> new TreeMap<>());
                for (JsonNode value : component.path("values")) {
                    if (value.path("value").isTextual() && value.path("label").isTextual()) {
                        byValue.put(value.path("value").asText(), value.path("label").asText());
                    }
                }
            }
            collectLabels(component, labels);
        }
    }

    /** The label a form shows for a value of one of its choice fields ("APPROVE" → "Phê duyệt, ký kết quả"). */
    java.util.Optional<String> label(String formKey, String key, String value) {
        return java.util.Optional.ofNullable(labels.getOrDefault(formKey, Map.of()).getOrDefault(key, Map.of()).get(value));
    }

    /** The keys of the fields a form-js schema asks for (not the disabled ones), nested components included. */
    private static void collectKeys(JsonNode node, Set<String> keys) {
        JsonNode components = node.path("components");
        for (JsonNode component : components) {
            if (component.path("key").isTextual() && !component.path("key").asText().isBlank()
                    && !component.path("disabled").asBoolean(false)) {
                keys.add(component.path("key").asText());
            }
            collectKeys(component, keys);
        }
    }

    boolean writable(String name) {
        return writable.contains(name);
    }

    /**
     * What a caller may write on a task that shows the form {@code formKey}: that form's own fields only (the
     * approving supervisor may not rewrite the drafter's {@code reason}); nothing on a task whose form is unknown.
     */
    boolean writableOn(String formKey, String name) {
        return byForm.getOrDefault(formKey, Set.of()).contains(name);
    }

    Set<String> all() {
        return writable;
    }
}
