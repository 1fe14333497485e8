package vn.motcua.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first worksheet of an XLSX file as a stream (never the whole workbook in memory), with Apache
 * POI's own guards set: a part that inflates more than 100 times its compressed size or beyond
 * {@code maxUnzippedSize} is a zip bomb and refuses the file; XML is parsed by POI's hardened SAX parser
 * (no DOCTYPE, no external entities). Cells are taken as stored: a formula is never evaluated and its
 * cached result never used; the cell is marked so the row is refused.
 */
final class XlsxSheetReader {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheetReader.class);

    private final int maxRows;
    private final int maxCellChars;

    XlsxSheetReader(int maxRows, int maxCellChars, long maxUnzippedSize) {
        this.maxRows = maxRows;
        this.maxCellChars = maxCellChars;
        guard(maxUnzippedSize);
    }

    /** POI's zip guards are process-wide: the strictest the application asks for. */
    private static synchronized void guard(long maxUnzippedSize) {
        ZipSecureFile.setMinInflateRatio(0.01);
        if (ZipSecureFile.getMaxEntrySize() > maxUnzippedSize) {
            ZipSecureFile.setMaxEntrySize(maxUnzippedSize);
        }
    }

    Sheet read(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.empty");
            }
            try (InputStream sheet = sheets.next()) {
                Handler handler = new Handler(strings);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
                return new Sheet("XLSX", List.copyOf(handler.rows));
            }
        } catch (CatalogImportRefused refused) {
            throw refused;
        } catch (TooManyRows e) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.TOO_LARGE, "catalog.import.rows", maxRows);
        } catch (Exception e) {
            // a broken package, a zip bomb, a DOCTYPE or an external entity, an unreadable sheet: refused whole
            log.info("XLSX file refused: {}", e.toString());
            throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.xlsx");
        }
    }

    private static final class TooManyRows extends SAXException {
        TooManyRows() {
            super("too many rows");
        }
    }

    /** The sheet's XML: rows ({@code <row r>}), cells ({@code <c r t>}), formulas ({@code <f>}), values ({@code <v>}, {@code <is><t>}). */
    private final class Handler extends DefaultHandler {

        final List<Sheet.Row> rows = new ArrayList<>();
        private final ReadOnlySharedStringsTable strings;
        private List<Sheet.Cell> cells;
        private int rowLine;
        private int column;
        private String type;
        private boolean formula;
        private boolean collecting;
        private boolean tooLong;
        private final StringBuilder value = new StringBuilder();

        Handler(ReadOnlySharedStringsTable strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (localName) {
                case "row" -> {
                    cells = new ArrayList<>();
                    String r = attributes.getValue("r");
                    rowLine = r != null ? parseInt(r, rows.size() + 1) : rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1;
                }
                case "c" -> {
                    column = columnOf(attributes.getValue("r"), cells == null ? 0 : cells.size());
                    type = attributes.getValue("t");
                    formula = false;
                    tooLong = false;
                    value.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> collecting = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!collecting) {
                return;
            }
            int room = maxCellChars + 16 - value.length();
            if (room <= 0) {
                tooLong = true;
                return;
            }
            value.append(ch, start, Math.min(length, room));
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    if (cells == null) {
                        return;
                    }
                    String text = value.toString();
                    boolean error = "e".equals(type);
                    if ("s".equals(type) && !formula) {
                        text = shared(text);
                    } else if ("b".equals(type)) {
                        text = "1".equals(text) ? "TRUE" : "FALSE";
                    } else if ((type == null || "n".equals(type)) && !formula) {
                        text = number(text);
                    }
                    if (text.length() > maxCellChars) {
                        text = text.substring(0, maxCellChars);
                        tooLong = true;
                    }
                    while (cells.size() < column) {
                        cells.add(Sheet.Cell.EMPTY);
                    }
                    Sheet.Cell cell = new Sheet.Cell(formula ? "" : text, formula, tooLong, error);
                    if (column < cells.size()) {
                        cells.set(column, cell);
                    } else {
                        cells.add(cell);
                    }
                }
                case "row" -> {
                    Sheet.Row row = new Sheet.Row(rowLine, List.copyOf(cells));
                    cells = null;
                    if (!row.isBlank()) {
                        rows.add(row);
                        if (rows.size() > maxRows) {
                            throw new TooManyRows();
                        }
                    }
                }
                default -> {
                }
            }
        }

        private String shared(String index) {
            try {
                return strings.getItemAt(Integer.parseInt(index.strip())).getString();
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    /** A number as stored ("30000", "30000.0", "5E-1") written plainly: "30000", "0.5"; other text as it is. */
    static String number(String raw) {
        try {
            return new java.math.BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The 0-based column of a cell reference such as {@code C12}; the next column when there is none. */
    static int columnOf(String reference, int fallback) {
        if (reference == null) {
            return fallback;
        }
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            i++;
            if (column > 16384) {
                return fallback;
            }
        }
        return i == 0 ? fallback : column - 1;
    }
}
