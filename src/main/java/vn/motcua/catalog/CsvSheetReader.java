package vn.motcua.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180): UTF-8, with or without a byte order mark; fields separated by commas,
 * semicolons (what Excel writes on Vietnamese Windows) or tabs, whichever the header line uses most; a field
 * in double quotes may hold separators, line breaks and doubled quotes. A file that is not UTF-8, or has an
 * unterminated quote, is refused as a whole. A cell whose text starts with {@code =} is marked as a formula
 * (a spreadsheet would run it), a cell longer than the limit is cut there and marked. Rows are numbered
 * as a spreadsheet program shows them: one per record, whatever line breaks its cells hold.
 */
final class CsvSheetReader {

    private final int maxRows;
    private final int maxCellChars;

    CsvSheetReader(int maxRows, int maxCellChars) {
        this.maxRows = maxRows;
        this.maxCellChars = maxCellChars;
    }

    Sheet read(byte[] content) {
        String text = decode(content);
        char separator = separator(text);
        List<Sheet.Row> rows = new ArrayList<>();
        List<Sheet.Cell> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean tooLong = false;
        boolean quoted = false;
        boolean wasQuoted = false;
        int rowLine = 1;
        int quoteLine = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            boolean end = i == n;
            if (end && cells.isEmpty() && cell.isEmpty() && !quoted && !wasQuoted) {
                break;
            }
            if (quoted) {
                if (end) {
                    throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.csv.quote", quoteLine);
                }
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        tooLong |= append(cell, '"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                tooLong |= append(cell, c);
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = rowLine;
                i++;
                continue;
            }
            if (c == separator || c == '\n' || c == '\r') {
                cells.add(cell(cell, tooLong, wasQuoted));
                cell.setLength(0);
                tooLong = false;
                wasQuoted = false;
                if (c != separator) {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    Sheet.Row row = new Sheet.Row(rowLine, List.copyOf(cells));
                    cells.clear();
                    if (!row.isBlank()) {
                        rows.add(row);
                    }
                    if (rows.size() > maxRows) {
                        throw new CatalogImportRefused(CatalogImportRefused.Kind.TOO_LARGE, "catalog.import.rows", maxRows);
                    }
                    rowLine++;
                }
                i++;
                continue;
            }
            tooLong |= append(cell, c);
            i++;
        }
        return new Sheet("CSV", List.copyOf(rows));
    }

    private boolean append(StringBuilder cell, char c) {
        if (cell.length() >= maxCellChars) {
            return true;
        }
        cell.append(c);
        return false;
    }

    private static Sheet.Cell cell(StringBuilder text, boolean tooLong, boolean quoted) {
        // quoted or not, a cell is its text
        String value = text.toString();
        // what a spreadsheet program would run as a formula when it opens the file
        boolean formula = value.strip().startsWith("=");
        return new Sheet.Cell(value, formula, tooLong, false);
    }

    /** The separator the header line (the first line) uses most: semicolon, comma or tab. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        int semicolons = count(header, ';');
        int commas = count(header, ',');
        int tabs = count(header, '\t');
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Strict UTF-8 (a byte order mark is dropped); UTF-16 and other encodings are refused with a message saying so. */
    static String decode(byte[] content) {
        int start = 0;
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.encoding");
        }
        if (content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF) {
            start = 3;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.encoding");
        }
    }
}
