package vn.motcua;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's Vietnamese Tasklist translation (locales/vi.json) against the webjar's English one (en.json,
 * from the Camunda webjar on the classpath): same keys, every placeholder, tag and entity kept, and nothing
 * left in English but proper names and acronyms.
 */
class TasklistLocaleTest {

    static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
    /** Names and acronyms that stay as they are in Vietnamese. */
    static final Pattern KEPT_NAMES = Pattern.compile("\\b(Camunda|Cockpit|Tasklist|BPMN|DMN|CMMN|ID|CSV|JSON|REST|XML|URL)\\b");
    /** Placeholders: Angular's {{name}}, moment's %d and %s. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|%[ds]");
    static final Pattern TAG = Pattern.compile("</?(a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>");
    static final Pattern ENTITY = Pattern.compile("&(#\\d+|[a-zA-Z]+);");
    /** English words that give away an untranslated or half-translated text. */
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|a|an|and|or|of|to|is|are|was|has|been|not|no|you|your|please"
            + "|try|could|click|select|task|tasks|filter|filters|claim|unclaim|complete|process|instance|variable"
            + "|variables|due|created|follow|user|users|group|groups|error|failed|failure|loading|save|delete|remove"
            + "|add|edit|cancel|close|search|sort|name|value|type|date|log|login|logout|owner|assignee|priority)\\b");

    static JsonNode english;
    static JsonNode vietnamese;
    static Map<String, String> englishTexts;
    static Map<String, String> vietnameseTexts;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        english = json.readTree(stripBom(decode(bytes(resource("en.json")))));
        byte[] vi = bytes(resource("vi.json"));
        vietnamese = json.readTree(decode(vi));
        assertThat(vi.length).isGreaterThan(3);
        assertThat(new String(vi, 0, 3, StandardCharsets.ISO_8859_1)).as("vi.json starts without a BOM")
                .isNotEqualTo("\u00ef\u00bb\u00bf");
        englishTexts = texts(english);
        vietnameseTexts = texts(vietnamese);
    }

    @Test
    void hasExactlyTheKeysOfTheEnglishFile() {
        assertThat(englishTexts).hasSizeGreaterThan(400);
        assertThat(vietnameseTexts.keySet()).isEqualTo(englishTexts.keySet());
        assertThat(vietnamese.get("dateLocales").get("week")).isEqualTo(english.get("dateLocales").get("week"));
    }

    @Test
    void keepsEveryPlaceholderTagAndEntity() {
        List<String> broken = new ArrayList<>();
        englishTexts.forEach((key, en) -> {
            String vi = vietnameseTexts.getOrDefault(key, "");
            if (!all(PLACEHOLDER, vi).containsAll(all(PLACEHOLDER, en))
                    || !all(TAG, vi).equals(all(TAG, en))
                    || !sorted(all(ENTITY, vi)).equals(sorted(all(ENTITY, en)))) {
                broken.add(key + ": " + en + " -> " + vi);
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void leavesNothingInEnglishButNamesAndFormats() {
        List<String> untranslated = new ArrayList<>();
        englishTexts.forEach((key, en) -> {
            String vi = vietnameseTexts.getOrDefault(key, "");
            boolean format = key.startsWith("dateLocales.longDateFormat.") || key.equals("dateLocales.calendar.sameElse")
                    || key.startsWith("dateLocales.week.");
            if (!format && vi.equals(en) && KEPT_NAMES.matcher(en).replaceAll("").matches(".*\\p{L}.*")) {
                untranslated.add(key + ": " + en);
            }
            String text = TAG.matcher(vi).replaceAll(" ");
            text = PLACEHOLDER.matcher(text).replaceAll(" ");
            text = text.replaceAll("\\(\\w+\\)", " ");
            if (!format && !vi.equals(en) && ENGLISH.matcher(text).find()) {
                untranslated.add(key + ": " + vi);
            }
        });
        assertThat(untranslated).isEmpty();
    }

    @Test
    void readsAsVietnamese() {
        assertThat(vietnameseTexts).containsEntry("labels.CLAIM_TASK", "Nhận việc")
                .containsEntry("labels.COMPLETE", "Hoàn thành")
                .containsEntry("labels.FILTER", "Bộ lọc")
                .containsEntry("labels.ASSIGNEE", "Người xử lý")
                .containsEntry("labels.CANDIDATE_GROUP", "Nhóm được giao")
                .containsEntry("labels.DUE", "Hạn xử lý")
                .containsEntry("labels.FOLLOW_UP", "Ngày nhắc")
                .containsEntry("labels.SIGN_OUT_ACTION", "Đăng xuất")
                .containsEntry("dateLocales.weekdays.1", "thứ hai");
    }

    static URL resource(String name) {
        URL url = TasklistLocaleTest.class.getClassLoader().getResource(LOCALES + name);
        assertThat(url).as(LOCALES + name + " on the classpath").isNotNull();
        return url;
    }

    static byte[] bytes(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** Strict UTF-8: a malformed byte fails the test instead of becoming a replacement character. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Every text of the file by its path (labels.CLAIM_TASK, dateLocales.months.0 …). */
    static Map<String, String> texts(JsonNode root) {
        Map<String, String> texts = new TreeMap<>();
        collect("", root, texts);
        return texts;
    }

    static void collect(String path, JsonNode node, Map<String, String> texts) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), texts);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "." + i, node.get(i), texts);
            }
        } else {
            texts.put(path, node.asText());
        }
    }

    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null && pattern == PLACEHOLDER ? "{{" + matcher.group(1) + "}}" : matcher.group());
        }
        return found;
    }

    static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

}
