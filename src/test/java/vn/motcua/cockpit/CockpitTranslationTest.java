package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards Cockpit's Vietnamese translation (the project's {@code locales/vi.json}) against Camunda's English one
 * ({@code locales/en.json} in the webjar, a dependency, read from the classpath as Cockpit serves it): the same
 * keys, every placeholder, link and line break kept, valid UTF-8, and no text left in English but names and
 * acronyms. Cockpit's own config.js makes Vietnamese its only language. No Spring: plain files.
 */
class CockpitTranslationTest {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/cockpit/locales/";
    static final String CONFIG = "META-INF/resources/webjars/camunda/app/cockpit/scripts/config.js";

    /** What Cockpit interpolates or renders: {{name}}, {} (a count), HTML links, entities, moment's %d/%s, \n. */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{[^}]*}}|\\{}|</?(?:a|b|i|em|strong|code|br|p|span|div|ul|li|pre|small)\\b[^<>]*>|&#?\\w+;|%[ds]|\n");

    /** Words that stay as they are in Vietnamese: product names and acronyms. */
    static final Set<String> KEPT = Set.of("Camunda", "Cockpit", "BPMN", "DMN", "CMMN", "DRD", "ID", "CSV", "JSON",
            "REST", "XML", "URL", "API", "OK", "CE", "IO", "YYYY", "MM", "DDTHH", "mm", "ss", "LT", "L", "HH", "D",
            "DD", "MMMM", "dddd");

    /**
     * Sentence pieces with no Vietnamese counterpart, blank in vi.json: the plural "s" after "instance", and the
     * trailing " process instances" whose words the Vietnamese sentence already says before the state.
     */
    static final Set<String> MAY_BE_EMPTY = Set.of("PLGN_BATCH_S", "PLGN_MIG_S", "PLGN_MOD_DIALOG_S",
            "PLGN_MOD_RESTART_DIALOG_S", "PLGN_BTCH_SET_RET_EXT_SEARCH_PROCESS_INSTANCES",
            "PLGN_BTCH_SET_RET_PROCESS_INSTANCES", "PLGN_BTCH_SET_VARIABLES_SEARCH_SUFFIX");

    static final ObjectMapper JSON = new ObjectMapper();
    static byte[] viBytes;
    static JsonNode en;
    static JsonNode vi;

    @BeforeAll
    static void read() throws IOException {
        en = JSON.readTree(stripBom(new String(bytes(resource("en.json", true)), StandardCharsets.UTF_8)));
        viBytes = bytes(resource("vi.json", false));
        vi = JSON.readTree(new String(viBytes, StandardCharsets.UTF_8));
    }

    @Test
    void isValidUtf8WithoutAByteOrderMark() {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(viBytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError("vi.json is not valid UTF-8", e);
        }
        assertThat(viBytes).hasSizeGreaterThan(3);
        assertThat(new byte[] {viBytes[0], viBytes[1], viBytes[2]}).isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF});
    }

    @Test
    void hasExactlyTheKeysOfTheEnglishFile() {
        Map<String, JsonNode> english = flatten(en);
        Map<String, JsonNode> vietnamese = flatten(vi);
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(vietnamese.keySet());
        Set<String> extra = new TreeSet<>(vietnamese.keySet());
        extra.removeAll(english.keySet());
        assertThat(missing).as("keys of en.json missing in vi.json").isEmpty();
        assertThat(extra).as("keys in vi.json that en.json does not have").isEmpty();
        assertThat(english).hasSizeGreaterThan(2000);
        english.forEach((key, value) -> assertThat(vietnamese.get(key).getNodeType()).as(key)
                .isEqualTo(value.getNodeType()));
    }

    @Test
    void keepsEveryPlaceholderLinkAndLineBreak() {
        List<String> lost = new ArrayList<>();
        flatten(en).forEach((key, english) -> {
            if (!english.isTextual()) {
                return;
            }
            String translated = flatten(vi).get(key).asText();
            Map<String, Integer> expected = count(english.asText());
            Map<String, Integer> found = count(translated);
            expected.forEach((placeholder, times) -> {
                if (found.getOrDefault(placeholder, 0) < times) {
                    lost.add(key + ": " + placeholder.replace("\n", "\\n") + " in \"" + translated + "\"");
                }
            });
            found.keySet().stream().filter(p -> !expected.containsKey(p))
                    .forEach(p -> lost.add(key + ": " + p.replace("\n", "\\n") + " not in English"));
        });
        assertThat(lost).isEmpty();
    }

    @Test
    void leavesNoTextInEnglishButNamesAndAcronyms() {
        List<String> untranslated = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Map<String, JsonNode> vietnamese = flatten(vi);
        flatten(en).forEach((key, english) -> {
            if (!english.isTextual() || key.startsWith("dateLocales.longDateFormat.")) {
                return; // a date pattern, the same in Vietnam (DD/MM/YYYY)
            }
            String translated = vietnamese.get(key).asText();
            if (translated.isBlank() && !MAY_BE_EMPTY.contains(key.substring(key.indexOf('.') + 1))
                    && !english.asText().isBlank()) {
                empty.add(key);
            }
            if (translated.strip().equals(english.asText().strip()) && hasWordsBeyondNames(english.asText())) {
                untranslated.add(key + " = " + english.asText());
            }
        });
        assertThat(empty).as("empty translations").isEmpty();
        assertThat(untranslated).as("values left in English").isEmpty();
    }

    @Test
    void theCockpitShowsVietnameseWhateverTheBrowsersLanguage() throws IOException {
        String config = new String(bytes(getClass().getClassLoader().getResource(CONFIG)), StandardCharsets.UTF_8);
        // Cockpit takes the browser's language only when it is listed, and has no language switch
        assertThat(config).containsPattern("availableLocales:\\s*\\[\\s*'vi'\\s*]")
                .containsPattern("fallbackLocale:\\s*'vi'")
                // the "Một cửa" plugin stays registered
                .contains("'scripts/motcua/plugin'");
        assertThat(vi.at("/labels/COCKPIT_PROCESSES").asText()).isEqualTo("Quy trình");
        assertThat(vi.at("/dateLocales/weekdays/1").asText()).isEqualTo("Thứ hai");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static boolean hasWordsBeyondNames(String text) {
        String rest = PLACEHOLDER.matcher(text).replaceAll(" ");
        Matcher words = Pattern.compile("\\p{L}+").matcher(rest);
        while (words.find()) {
            if (!KEPT.contains(words.group())) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }

    /** Every leaf as "a.b.c" (arrays by index) → its node. */
    static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    /** The file Cockpit would serve: en.json from the webjar, vi.json from the project (never the webjar's). */
    private static URL resource(String name, boolean fromWebjar) throws IOException {
        List<URL> found = new ArrayList<>();
        getClassLoader().getResources(LOCALES + name).asIterator().forEachRemaining(found::add);
        assertThat(found).as(LOCALES + name + " on the classpath").isNotEmpty();
        for (URL url : found) {
            boolean inJar = "jar".equals(url.getProtocol());
            if (inJar == fromWebjar) {
                return url;
            }
        }
        throw new AssertionError(name + " not found " + (fromWebjar ? "in the webjar" : "in the project") + ": " + found);
    }

    private static ClassLoader getClassLoader() {
        return CockpitTranslationTest.class.getClassLoader();
    }

    private static byte[] bytes(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
