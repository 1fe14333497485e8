package vn.motcua.report;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.survey.SatisfactionReport.Sipas;

/**
 * The periodic report's table as a CSV file that Excel opens as it is on a Vietnamese Windows: UTF-8
 * with a byte order mark (else Excel reads the Vietnamese letters as ANSI), fields separated by
 * semicolons (the list separator of the Vietnamese regional settings, whose decimal separator is the
 * comma), percentages with a decimal comma and two decimals, empty when there is nothing to divide by,
 * lines ended by CRLF (RFC 4180), a field quoted when it holds a separator, a quote or a line break.
 * Column titles come from the message bundle ({@code indicators.column.*}).
 */
@Component
class ReportCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char SEPARATOR = ';';
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final List<String> COLUMNS = List.of("unitKey", "unitName", "received", "receivedOnline",
            "receivedCounter", "finishedEarly", "finishedOnTime", "finishedLate", "inProgressNotDue",
            "inProgressDueSoon", "inProgressOverdue", "paused", "refused", "reappointed", "onTimeRate", "onlineShare",
            "sipas");

    private final MessageSource messages;

    ReportCsv(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * One line per unit, then the total.
     *
     * @param units     the units' counts, by key, in order
     * @param names     the units' names by key
     * @param sipas     SIPAS per unit (units without surveys may be missing)
     */
    byte[] write(Map<String, Counts> units, Map<String, String> names, Map<String, Sipas> sipas, Counts total,
            Sipas totalSipas) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS.stream().map(c -> messages.getMessage("indicators.column." + c, null, VI)).toList());
        units.forEach((key, counts) -> line(out, row(key, names.getOrDefault(key, key), counts, sipas.get(key))));
        line(out, row("", messages.getMessage("indicators.total", null, VI), total, totalSipas));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static List<String> row(String key, String name, Counts c, Sipas sipas) {
        List<String> cells = new ArrayList<>(List.of(key, name));
        for (long n : new long[] {c.received(), c.receivedOnline(), c.receivedCounter(), c.finishedEarly(),
                c.finishedOnTime(), c.finishedLate(), c.inProgressNotDue(), c.inProgressDueSoon(),
                c.inProgressOverdue(), c.paused(), c.refused(), c.reappointed()}) {
            cells.add(Long.toString(n));
        }
        cells.add(decimal(Indicators.onTimeRate(c)));
        cells.add(decimal(Indicators.onlineShare(c)));
        cells.add(decimal(sipas == null ? null : sipas.index()));
        return cells;
    }

    /** Any table in the same form: the lines' cells as they are (the first line its titles). */
    static byte[] table(List<List<String>> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(cells -> line(out, cells));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** Two decimals with a decimal comma; empty for null. */
    static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String field(String value) {
        if (value.indexOf(SEPARATOR) < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
