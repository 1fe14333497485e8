package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Set;
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

    FormVariables() throws IOException {
        this(new PathMatchingResourcePatternResolver(), FORMS);
    }

    FormVariables(ResourcePatternResolver resolver, String pattern) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> keys = new TreeSet<>();
        for (Resource form : resolver.getResources(pattern)) {
            try (InputStream in = form.getInputStream()) {
                collectKeys(json.readTree(in), keys);
            }
        }
        Set<String> owned = new TreeSet<>(keys);
        owned.retainAll(ProcessVariables.ENGINE_OWNED);
        if (!owned.isEmpty()) {
            throw new IllegalStateException("Forms ask officers for variables the engine owns: " + owned);
        }
        this.writable = Collections.unmodifiableSet(keys);
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

    Set<String> all() {
        return writable;
    }
}
