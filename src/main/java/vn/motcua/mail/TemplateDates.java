package vn.motcua.mail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Dates as Vietnamese readers write them, in the province's zone; templates reach it as
 * {@code $dates}. Accepts {@link Instant}, {@link ZonedDateTime}, {@link OffsetDateTime},
 * {@link LocalDateTime} (taken as local time in the zone), {@link LocalDate} (for {@link #date})
 * and {@link Date} (what the engine hands out). A null argument fails, like a missing variable.
 *
 * <pre>
 * $dates.dateTime($dueAt)   14/05/2025 16:30
 * $dates.date($dueAt)       14/05/2025
 * $dates.time($dueAt)       16:30
 * $dates.weekday($dueAt)    Thứ Tư
 * $dates.official($issuedAt) ngày 02 tháng 12 năm 2026   (ngày 05 tháng 01 năm 2027, ngày 15 tháng 3 năm 2027)
 * $dates.duration($late, "ngày", "giờ", "phút")   1 ngày 2 giờ 30 phút
 * </pre>
 */
public final class TemplateDates {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    TemplateDates(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** {@code dd/MM/yyyy HH:mm} in the zone. */
    public String dateTime(Object value) {
        return DATE_TIME.format(local(value));
    }

    /** {@code dd/MM/yyyy} in the zone. */
    public String date(Object value) {
        if (value instanceof LocalDate day) {
            return DATE.format(day);
        }
        return DATE.format(local(value));
    }

    /**
     * The date as administrative documents write it (Decree 30/2020, Appendix I): {@code ngày 02 tháng 12 năm
     * 2026}. Days below 10 and the months January and February take a leading zero ({@code ngày 05 tháng 01},
     * {@code tháng 02}); the other months do not ({@code tháng 3}).
     */
    public String official(Object value) {
        LocalDate day = value instanceof LocalDate d ? d : local(value).toLocalDate();
        int month = day.getMonthValue();
        return "ngày %02d tháng %s năm %d".formatted(day.getDayOfMonth(),
                month <= 2 ? "0" + month : Integer.toString(month), day.getYear());
    }

    /** {@code HH:mm} in the zone. */
    public String time(Object value) {
        return TIME.format(local(value));
    }

    /** The day of the week in Vietnamese, capitalised: {@code Thứ Hai} … {@code Chủ Nhật}. */
    public String weekday(Object value) {
        DayOfWeek day = value instanceof LocalDate d ? d.getDayOfWeek() : local(value).getDayOfWeek();
        String name = day.getDisplayName(TextStyle.FULL, VI);
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = Character.isWhitespace(c);
        }
        return out.toString();
    }

    /**
     * A duration in whole days, hours and minutes with the template's own unit words, leaving out
     * zero parts: {@code duration($d, "ngày", "giờ", "phút")} gives {@code 1 ngày 2 giờ 30 phút},
     * {@code 45 phút}, or {@code 0 phút} under a minute. Days are 24 hours.
     */
    public String duration(Duration value, String days, String hours, String minutes) {
        Objects.requireNonNull(value, "duration");
        Duration d = value.abs();
        List<String> parts = new ArrayList<>();
        if (d.toDays() > 0) {
            parts.add(d.toDays() + " " + days);
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + " " + hours);
        }
        if (d.toMinutesPart() > 0 || parts.isEmpty()) {
            parts.add(d.toMinutesPart() + " " + minutes);
        }
        return String.join(" ", parts);
    }

    private LocalDateTime local(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("no date given");
        }
        ZonedDateTime at;
        if (value instanceof Instant i) {
            at = i.atZone(zone);
        } else if (value instanceof ZonedDateTime z) {
            at = z.withZoneSameInstant(zone);
        } else if (value instanceof OffsetDateTime o) {
            at = o.atZoneSameInstant(zone);
        } else if (value instanceof Date d) {
            at = d.toInstant().atZone(zone);
        } else if (value instanceof LocalDateTime l) {
            return l;
        } else {
            throw new IllegalArgumentException("not a date and time: " + value.getClass().getName());
        }
        return at.toLocalDateTime();
    }
}
