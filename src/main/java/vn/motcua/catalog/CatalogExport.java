package vn.motcua.catalog;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as a CSV file in the import's own format (one row per procedure, the import's column
 * headers), so that an administrator can download it, edit it in a spreadsheet and import it again.
 * Written for Excel on Vietnamese Windows: UTF-8 with a byte order mark, semicolons, CRLF. A value that a
 * spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return) is written with a leading apostrophe, which the import drops again (CSV injection).
 */
@Component
class CatalogExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char SEPARATOR = ';';

    private final Catalog catalog;

    CatalogExport(Catalog catalog) {
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public byte[] csv() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (ProcedureListColumn c : ProcedureListColumn.values()) {
            header.add(c.header);
        }
        line(out, header);
        for (Procedure p : catalog.procedures()) {
            line(out, row(p));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static List<String> row(Procedure p) {
        StatutoryTime time = p.getStatutoryTime();
        List<String> cells = new ArrayList<>();
        cells.add(p.getCode());
        cells.add(p.getName());
        cells.add(p.getSector());
        cells.add(p.getLevel() == UnitLevel.PROVINCE ? "Tỉnh" : "Xã");
        cells.add(p.getReceivingUnit().getKey());
        cells.add(p.getHandlingUnits().stream().map(Unit::getKey).collect(Collectors.joining("; ")));
        cells.add(time.isSameDay() ? "" : Integer.toString(time.amount()));
        cells.add(switch (time.unit()) {
            case WORKING_DAYS -> "ngày làm việc";
            case WORKING_HOURS -> "giờ làm việc";
            case CALENDAR_DAYS -> "ngày";
            case SAME_DAY -> "trong ngày";
        });
        cells.add(p.getAfternoonCutoff() == null ? "" : p.getAfternoonCutoff().toString());
        cells.add(Long.toString(p.getFee()));
        cells.add(nonNull(p.getFeeNote()));
        cells.add(p.getDocuments().stream().map(CatalogExport::document).collect(Collectors.joining("\n")));
        cells.add(p.isOnline() ? "Có" : "Không");
        // the default split and the catalog file's own processes (kept by any import) are not written
        cells.add(p.isDefaultSteps() || p.getSource() == ProcedureSource.CATALOG_FILE ? "" : p.getSteps().stream()
                .map(s -> s.step() + "=" + BigDecimal.valueOf(s.workingMinutes()).divide(BigDecimal.valueOf(60), 2,
                        RoundingMode.HALF_UP).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("; ")));
        cells.add(p.getVerified() == null ? "" : p.getVerified() ? "Có" : "Không");
        cells.add(nonNull(p.getSourceNote()));
        return cells;
    }

    private static String document(RequiredDocument d) {
        String kind = switch (d.kind()) {
            case ORIGINAL -> "bản chính";
            case CERTIFIED_COPY -> "bản sao có chứng thực";
            case PHOTOCOPY -> "bản chụp";
        };
        return d.name() + " (" + kind + (d.count() > 1 ? ", " + d.count() + " bản" : "") + ")";
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

    /** A cell: protected against formulas, quoted when it holds a separator, a quote or a line break. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(SEPARATOR) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(',') >= 0) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
