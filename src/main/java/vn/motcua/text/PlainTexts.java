package vn.motcua.text;

import java.util.OptionalInt;

/**
 * Which characters a typed text may hold (see {@link PlainText}), and a cleaner for text already
 * stored, for output that must not fail on a stray character (PDF rendering).
 */
public final class PlainTexts {

    private PlainTexts() {
    }

    /** The first refused code point of {@code text}, if any. */
    public static OptionalInt firstRefused(CharSequence text, boolean multiline) {
        if (text == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length();) {
            int c = Character.codePointAt(text, i);
            if (refused(c, multiline)) {
                return OptionalInt.of(c);
            }
            i += Character.charCount(c);
        }
        return OptionalInt.empty();
    }

    /** Whether {@code text} holds no refused character. */
    public static boolean isPlain(CharSequence text, boolean multiline) {
        return firstRefused(text, multiline).isEmpty();
    }

    /** Whether the code point is refused: controls, format characters (direction marks…), lone surrogates, line/paragraph separators. */
    public static boolean refused(int c, boolean multiline) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !multiline;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> c == 0xFFFE || c == 0xFFFF;
        };
    }

    /** {@code text} without the characters no typed text may hold (tab and line breaks are kept); {@code null} stays null. */
    public static String strip(String text) {
        if (text == null || isPlain(text, true)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(c -> !refused(c, true)).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    /** {@code U+0000} style, for messages. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
