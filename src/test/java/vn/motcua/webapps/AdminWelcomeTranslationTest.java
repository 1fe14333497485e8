package vn.motcua.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the Vietnamese translations of Camunda Admin and of the welcome page against Camunda's English ones,
 * both read from the classpath: the webjar's {@code en.json} (a dependency) and the project's {@code vi.json}
 * (which overrides nothing, the webjar has no Vietnamese). No Spring.
 */
class AdminWelcomeTranslationTest {

    static final String APPS = "META-INF/resources/webjars/camunda/app/";
    /**
     * Placeholders, HTML tags and entities: they must reach the Vietnamese text unchanged. Tags are HTML elements
     * only: "&lt;null&gt;" is a text that shows a missing value, and is translated.
     */
    static final Pattern MARKUP = Pattern.compile("\\{\\{[^}]*}}"
            + "|</?(?:a|b|i|em|strong|code|pre|br|p|span|div|ul|ol|li|small|kbd)\\b[^>]*>|&[a-zA-Z]+;|&#\\d+;");
    static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Words that stay as they are in Vietnamese: proper names and acronyms. */
    static final Set<String> KEPT = Set.of("Camunda", "BPMN", "DMN", "CMMN", "ID", "CSV", "JSON", "REST", "XML",
            "URL", "API", "LDAP", "Optimize", "null", "undefined");
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"admin", "welcome"})
    void theVietnameseFileIsValidUtf8WithoutBom(String app) throws IOException {
        byte[] bytes = read(APPS + app + "/locales/vi.json");
        assertThat(bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF)
                .as("a UTF-8 BOM").isFalse();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError(app + "/locales/vi.json is not valid UTF-8", e);
        }
        assertThat(JSON.readTree(bytes).path("labels").isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "welcome"})
    void everyEnglishKeyIsTranslatedAndNoOtherKeyIsAdded(String app) throws IOException {
        assertThat(keys(vietnamese(app).path("labels"))).isEqualTo(keys(english(app).path("labels")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "welcome"})
    void placeholdersTagsAndEntitiesAreKept(String app) throws IOException {
        JsonNode en = english(app).path("labels");
        JsonNode vi = vietnamese(app).path("labels");
        List<String> lost = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            String translated = vi.path(key).asText();
            Matcher markup = MARKUP.matcher(en.get(key).asText());
            while (markup.find()) {
                if (!translated.contains(markup.group())) {
                    lost.add(key + ": " + markup.group());
                }
            }
        });
        assertThat(lost).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "welcome"})
    void noTextIsLeftInEnglish(String app) throws IOException {
        JsonNode en = english(app).path("labels");
        JsonNode vi = vietnamese(app).path("labels");
        List<String> untranslated = new ArrayList<>();
        en.fieldNames().forEachRemaining(key -> {
            String english = en.get(key).asText();
            String translated = vi.path(key).asText();
            if (translated.isBlank() || translated.equals(english) && !onlyKeptWords(english)) {
                untranslated.add(key + " = " + english);
            }
        });
        assertThat(untranslated).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin"})
    void datesAreInVietnameseWithEveryFieldOfTheEnglishLocale(String app) throws IOException {
        JsonNode en = english(app).path("dateLocales");
        JsonNode vi = vietnamese(app).path("dateLocales");
        assertThat(keys(vi)).isEqualTo(keys(en));
        for (String field : keys(en)) {
            assertThat(vi.get(field).size()).as(field).isEqualTo(en.get(field).size());
            if (en.get(field).isObject()) {
                assertThat(keys(vi.get(field))).as(field).isEqualTo(keys(en.get(field)));
            }
        }
        assertThat(vi.path("months").get(0).asText()).isEqualTo("Tháng 1");
        assertThat(vi.path("weekdays").get(0).asText()).isEqualTo("Chủ nhật");
        assertThat(vi.path("relativeTime").path("past").asText()).isEqualTo("%s trước");
        assertThat(vi.path("longDateFormat")).isEqualTo(en.path("longDateFormat"));
    }

    /** The webapps pick the browser's first language if it is available, else the fallback: only 'vi' is. */
    @ParameterizedTest
    @ValueSource(strings = {"admin", "welcome"})
    void vietnameseIsTheOnlyLanguageWhateverTheBrowserSays(String app) throws IOException {
        String config = new String(read(APPS + app + "/scripts/config.js"), StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "").replaceAll("\\s+", "");
        assertThat(config).contains("locales:{availableLocales:['vi'],fallbackLocale:'vi'}");
    }

    static boolean onlyKeptWords(String text) {
        Matcher word = WORD.matcher(MARKUP.matcher(text).replaceAll(" "));
        while (word.find()) {
            if (!KEPT.contains(word.group())) {
                return false;
            }
        }
        return true;
    }

    static JsonNode english(String app) throws IOException {
        return JSON.readTree(new String(read(APPS + app + "/locales/en.json"), StandardCharsets.UTF_8)
                .replaceFirst("^\uFEFF", ""));
    }

    static JsonNode vietnamese(String app) throws IOException {
        return JSON.readTree(read(APPS + app + "/locales/vi.json"));
    }

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(field -> keys.add(field.getKey()));
        return keys;
    }

    static byte[] read(String resource) throws IOException {
        try (InputStream in = AdminWelcomeTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return in.readAllBytes();
        }
    }
}
