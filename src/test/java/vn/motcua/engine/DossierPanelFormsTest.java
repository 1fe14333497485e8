package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Every task form in {@code forms/} shows the same dossier panel: the HTML view of {@code forms/panel/dossier-panel.html}
 * (copy that file's content into the form's {@code Html_dossierPanel} component after changing it). And no Camunda Form
 * templates what a citizen typed into markdown or HTML of its own: markdown texts insert only the engine's own values
 * (the dossier code, a step's name), the HTML views other than the panel insert nothing, and the panel takes its links
 * only from values the application builds ({@code href}, {@code pdf}).
 */
class DossierPanelFormsTest {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*([^}#/][^}]*?)\\s*}}");
    /** What the markdown texts may insert: values the engine sets, never typed by anyone. */
    private static final Set<String> ENGINE_VALUES = Set.of("dossierCode", "stepName");

    @Test
    void everyTaskFormShowsTheOneDossierPanel() throws IOException {
        String panel = Files.readString(FORMS.resolve("panel/dossier-panel.html"), StandardCharsets.UTF_8);
        List<Path> forms = forms();
        assertThat(forms).hasSizeGreaterThanOrEqualTo(12);
        for (Path form : forms) {
            List<JsonNode> panels = new ArrayList<>();
            for (JsonNode component : JSON.readTree(form.toFile()).path("components")) {
                if ("Html_dossierPanel".equals(component.path("id").asText())) {
                    panels.add(component);
                }
                // the panel replaces the separate fact fields
                assertThat(component.path("key").asText()).as(form + " shows a fact of its own")
                        .isNotIn("applicantName", "procedureName", "unitName", "receivedAt", "appointmentDate");
            }
            assertThat(panels).as(form + " has one dossier panel").hasSize(1);
            assertThat(panels.get(0).path("type").asText()).isEqualTo("html");
            assertThat(panels.get(0).path("content").asText()).as(form + ": copy forms/panel/dossier-panel.html")
                    .isEqualTo(panel);
        }
    }

    @Test
    void noFormTemplatesTypedTextIntoMarkup() throws IOException {
        for (Path form : forms()) {
            for (JsonNode component : JSON.readTree(form.toFile()).path("components")) {
                String type = component.path("type").asText();
                if ("text".equals(type)) {
                    for (String inserted : inserts(component.path("text").asText())) {
                        assertThat(inserted).as(form + " inserts into markdown").isIn(ENGINE_VALUES);
                    }
                }
                if ("html".equals(type) && !"Html_dossierPanel".equals(component.path("id").asText())) {
                    assertThat(inserts(component.path("content").asText())).as(form + " inserts into HTML").isEmpty();
                }
            }
        }
        // the panel's links: only the addresses the application builds from the dossier code and numeric ids
        String panel = Files.readString(FORMS.resolve("panel/dossier-panel.html"), StandardCharsets.UTF_8);
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(panel);
        while (href.find()) {
            assertThat(href.group(1)).isIn("{{href}}", "{{pdf}}");
        }
    }

    private static List<String> inserts(String template) {
        List<String> found = new ArrayList<>();
        Matcher insert = INSERT.matcher(template);
        while (insert.find()) {
            found.add(insert.group(1));
        }
        return found;
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
    }
}
