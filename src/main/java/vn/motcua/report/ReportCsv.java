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
    private final IndicatorTexts texts;

    ReportCsv(MessageSource messages, IndicatorTexts texts) {
        this.messages = messages;
        this.texts = texts;
    }

    /**
     * One line per unit, then the total, each with the Decision 766 indicators after the counts (2.1 is the on-time
     * rate's column already): a column per indicator, titled with its number, name and unit; an indicator that is
     * not available reads "Chưa có" (its reason is in the mail and the API), never 0.
     */
    byte[] write(Indicators.Report report, Map<String, String> names) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS.stream()
                .map(c -> messages.getMessage("indicators.column." + c, null, VI)).toList());
        report.decision766().stream().filter(i -> !i.code().equals("2.1"))
                .forEach(i -> header.add(i.code() + " " + texts.name(i) + " (" + texts.unit(i) + ")"));
        line(out, header);
        report.perUnit().forEach((key, counts) -> {
            List<String> cells = row(key, names.getOrDefault(key, key), counts, report.sipasPerUnit().get(key));
            cells.addAll(decision766(report.decision766(key)));
            line(out, cells);
        });
        List<String> total = row("", messages.getMessage("indicators.total", null, VI), report.total(), report.sipas());
        total.addAll(decision766(report.decision766()));
        line(out, total);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private List<String> decision766(List<Indicators.Indicator> indicators) {
        String none = messages.getMessage("indicators.766.notAvailable", null, VI);
        return indicators.stream().filter(i -> !i.code().equals("2.1"))
                .map(i -> i.available() ? decimal(i.value()) : none).toList();
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
