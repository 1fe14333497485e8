package vn.motcua.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text folded for searching: lower case, without Vietnamese diacritics ("Đăng ký khai sinh" and
 * "dang ky khai sinh" both become {@code dang ky khai sinh}), runs of spaces collapsed. The catalog
 * stores it per procedure, and a query is folded the same way, so a citizen finds a procedure typing
 * with or without diacritics.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Characters that mean something to SQL {@code like}: dropped from queries. */
    private static final Pattern LIKE_SPECIALS = Pattern.compile("[%_\\\\]");

    private SearchText() {
    }

    /** The folded form of the parts, joined by a space (null parts skipped). */
    public static String of(String... parts) {
        return fold(Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining(" ")));
    }

    /** Lower case, no diacritics, {@code đ} as {@code d}, single spaces, trimmed. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd').replace('Đ', 'd');
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(bare).replaceAll(" ").strip();
    }

    /** The words of a query, folded, without the characters {@code like} would treat as wildcards; at most 10. */
    public static List<String> words(String query) {
        String folded = LIKE_SPECIALS.matcher(fold(query)).replaceAll(" ").strip();
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(SPACES.split(folded)).filter(w -> !w.isBlank()).distinct().limit(10).toList();
    }
}
