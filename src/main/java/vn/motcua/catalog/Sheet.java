package vn.motcua.catalog;

import java.util.List;

/**
 * A spreadsheet as read from an imported file: its non-empty rows, each with its line (the row number a
 * spreadsheet program shows, 1 for the first) and its cells from the first column on.
 */
record Sheet(String format, List<Row> rows) {

    record Row(int line, List<Cell> cells) {

        Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : Cell.EMPTY;
        }

        boolean isBlank() {
            return cells.stream().allMatch(c -> c.text().isBlank() && !c.formula());
        }
    }

    /**
     * A cell: its text as stored (a formula's cached result is never used), whether it held a formula (or,
     * in a CSV file, text that a spreadsheet would take for one), whether it was longer than allowed (the
     * text then stops at the limit) and whether it was an error value.
     */
    record Cell(String text, boolean formula, boolean tooLong, boolean error) {

        static final Cell EMPTY = new Cell("", false, false, false);

        static Cell of(String text) {
            return new Cell(text, false, false, false);
        }
    }
}
