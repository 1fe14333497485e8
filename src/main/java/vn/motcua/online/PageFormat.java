package vn.motcua.online;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as Vietnamese readers write them; page templates reach it as {@code $format}. */
public final class PageFormat {

    private static final Locale VI = Locale.forLanguageTag("vi");

    /** {@code 50000} → {@code 50.000}. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(VI).format(value);
    }

    /** A file size: {@code 950 B}, {@code 12,5 KB}, {@code 10 MB}. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        NumberFormat one = NumberFormat.getNumberInstance(VI);
        one.setMaximumFractionDigits(1);
        if (bytes < 1024 * 1024) {
            return one.format(bytes / 1024.0) + " KB";
        }
        return one.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
