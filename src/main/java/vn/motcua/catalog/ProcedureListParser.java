package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.text.PlainTexts;

/**
 * Turns the rows of an imported sheet into procedures, row by row: a row that breaks a rule is refused
 * with every reason found, as message keys (Vietnamese in {@code messages.properties}); the other rows are
 * not affected. A missing required column refuses the file as a whole.
 */
final class ProcedureListParser {

    static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}");
    static final int MAX_NAME = 1000;
    static final int MAX_SECTOR = 500;
    static final int MAX_NOTE = 1000;
    static final int MAX_DOCUMENTS = 50;
    static final int MAX_DAYS = 365;
    static final int MAX_HOURS = MAX_DAYS * StatutoryTime.HOURS_PER_DAY;
    private static final Pattern DOCUMENT_KIND = Pattern.compile(
            "^(.*?)\\s*\\((bản chính|bản sao có chứng thực|bản sao chứng thực|bản sao|bản chụp)(?:\\s*[,;]\\s*(\\d{1,2})\\s*bản)?\\)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2})\\s*(?:[:hg]|giờ)\\s*(\\d{2})?\\s*(?:phút)?");
    private static final Pattern STEP = Pattern.compile("\\s*([^=:]+?)\\s*[=:]\\s*([0-9]+(?:[.,][0-9]+)?)\\s*");

    /** A reason, as a message key with its arguments. */
    record Message(String key, Object... args) {
    }

    /** A row's result: the procedure, or the reasons it is refused. */
    record ParsedRow(int line, String code, ImportedProcedure procedure, List<Message> problems) {
        boolean refused() {
            return procedure == null;
        }
    }

    /** The rows (blank ones skipped) and the headers no column uses. */
    record ParsedList(List<ParsedRow> rows, List<String> ignoredColumns) {
    }

    private final Map<String, Unit> unitsByKey = new HashMap<>();
    private final Map<String, Unit> unitsByCode = new HashMap<>();
    private final Map<String, Unit> unitsByName = new HashMap<>();

    ProcedureListParser(List<Unit> units) {
        for (Unit u : units) {
            unitsByKey.put(u.getKey(), u);
            unitsByCode.put(u.getCode().toLowerCase(Locale.ROOT), u);
            unitsByName.put(SearchText.fold(u.getName()), u);
        }
    }

    ParsedList parse(Sheet sheet) {
        if (sheet.rows().isEmpty()) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.empty");
        }
        Sheet.Row header = sheet.rows().get(0);
        Map<ProcedureListColumn, Integer> columns = new EnumMap<>(ProcedureListColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String title = header.cells().get(i).text().strip();
            if (title.isEmpty()) {
                continue;
            }
            ProcedureListColumn column = ProcedureListColumn.of(title);
            if (column == null) {
                ignored.add(PlainTexts.strip(title.length() > 100 ? title.substring(0, 100) : title));
            } else if (columns.putIfAbsent(column, i) != null) {
                throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.column.twice",
                        column.header);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ProcedureListColumn c : ProcedureListColumn.values()) {
            if (c.required && !columns.containsKey(c)) {
                missing.add("«" + c.header + "»");
            }
        }
        if (!missing.isEmpty()) {
            throw new CatalogImportRefused(CatalogImportRefused.Kind.INVALID, "catalog.import.columns.missing",
                    String.join(", ", missing));
        }
        List<ParsedRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Sheet.Row row : sheet.rows().subList(1, sheet.rows().size())) {
            ParsedRow parsed = new RowParser(row, columns).parse();
            if (parsed.code() != null && !parsed.code().isEmpty()) {
                Integer first = seen.putIfAbsent(parsed.code().toLowerCase(Locale.ROOT), row.line());
                if (first != null) {
                    List<Message> problems = new ArrayList<>(parsed.problems());
                    problems.add(0, new Message("catalog.import.row.code.twice", parsed.code(), first));
                    parsed = new ParsedRow(parsed.line(), parsed.code(), null, problems);
                }
            }
            rows.add(parsed);
        }
        return new ParsedList(rows, ignored);
    }

    /** One row's fields, each checked; the problems collected in order of the columns. */
    private final class RowParser {

        private final Sheet.Row row;
        private final Map<ProcedureListColumn, Integer> columns;
        private final List<Message> problems = new ArrayList<>();

        RowParser(Sheet.Row row, Map<ProcedureListColumn, Integer> columns) {
            this.row = row;
            this.columns = columns;
        }

        ParsedRow parse() {
            String code = text(ProcedureListColumn.CODE, false);
            if (code != null) {
                code = code.strip();
            }
            if (code == null || code.isEmpty()) {
                problems.add(new Message("catalog.import.row.code.required"));
            } else if (!CODE.matcher(code).matches() || code.equalsIgnoreCase("facets")) {
                problems.add(new Message("catalog.import.row.code.invalid", shorten(code)));
            }
            String name = required(ProcedureListColumn.NAME, MAX_NAME);
            String sector = required(ProcedureListColumn.SECTOR, MAX_SECTOR);
            UnitLevel level = level();
            Unit receiving = unit(ProcedureListColumn.RECEIVING_UNIT, text(ProcedureListColumn.RECEIVING_UNIT, false));
            List<Unit> handlers = handlers(receiving);
            StatutoryTime time = time();
            LocalTime cutoff = cutoff();
            long fee = fee();
            String feeNote = optional(ProcedureListColumn.FEE_NOTE, MAX_NOTE, true);
            List<RequiredDocument> documents = documents();
            boolean online = Boolean.TRUE.equals(yesNo(ProcedureListColumn.ONLINE));
            Boolean verified = yesNo(ProcedureListColumn.VERIFIED);
            String note = optional(ProcedureListColumn.NOTE, MAX_NOTE, true);
            List<StepShare> steps = null;
            boolean defaultSteps = true;
            if (time != null && receiving != null) {
                steps = steps(time, receiving.getKey());
                defaultSteps = steps == null;
                if (steps == null) {
                    steps = ImportedProcedure.defaultSteps(time, receiving.getKey());
                }
            }
            if (!problems.isEmpty()) {
                return new ParsedRow(row.line(), code, null, List.copyOf(problems));
            }
            return new ParsedRow(row.line(), code, new ImportedProcedure(code, name, sector, level, receiving.getKey(),
                    handlers.stream().map(Unit::getKey).toList(), time, cutoff, fee, feeNote, online, documents,
                    steps, defaultSteps, verified, note), List.of());
        }

        /** The cell's text, checked for formulas, errors, length and refused characters; null when there is no such column. */
        private String text(ProcedureListColumn column, boolean multiline) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            Sheet.Cell cell = row.cell(index);
            if (cell.formula()) {
                problems.add(new Message("catalog.import.row.formula", column.header));
                return null;
            }
            if (cell.error()) {
                problems.add(new Message("catalog.import.row.errorValue", column.header));
                return null;
            }
            if (cell.tooLong()) {
                problems.add(new Message("catalog.import.row.cell.size", column.header));
                return null;
            }
            var refused = PlainTexts.firstRefused(cell.text(), true);
            if (refused.isPresent()) {
                problems.add(new Message("catalog.import.row.character", column.header,
                        PlainTexts.codePoint(refused.getAsInt())));
                return null;
            }
            String text = cell.text().replace("\r\n", "\n").replace('\r', '\n');
            // a value the export protected against spreadsheet formulas ('-…, '+…, '@…) reads back as it was
            if (text.length() > 1 && text.charAt(0) == '\'' && "+-@".indexOf(text.charAt(1)) >= 0) {
                text = text.substring(1);
            }
            return multiline ? text.strip() : text.replaceAll("\\s+", " ").strip();
        }

        private String required(ProcedureListColumn column, int max) {
            String value = text(column, false);
            if (value == null || value.isEmpty()) {
                if (value != null) {
                    problems.add(new Message("catalog.import.row.required", column.header));
                }
                return null;
            }
            if (value.length() > max) {
                problems.add(new Message("catalog.import.row.size", column.header, max));
                return null;
            }
            return value;
        }

        private String optional(ProcedureListColumn column, int max, boolean multiline) {
            String value = text(column, multiline);
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (value.length() > max) {
                problems.add(new Message("catalog.import.row.size", column.header, max));
                return null;
            }
            return value;
        }

        private UnitLevel level() {
            String value = text(ProcedureListColumn.LEVEL, false);
            if (value == null) {
                return null;
            }
            String key = SearchText.fold(value).replace("cap ", "").strip();
            return switch (key) {
                case "tinh", "thanh pho", "province" -> UnitLevel.PROVINCE;
                case "xa", "phuong", "xa/phuong", "xa, phuong", "dac khu", "commune" -> UnitLevel.COMMUNE;
                case "huyen", "quan", "district" -> {
                    problems.add(new Message("catalog.import.row.level.district", shorten(value)));
                    yield null;
                }
                default -> {
                    problems.add(new Message(value.isEmpty() ? "catalog.import.row.required" : "catalog.import.row.level",
                            value.isEmpty() ? ProcedureListColumn.LEVEL.header : shorten(value)));
                    yield null;
                }
            };
        }

        private Unit unit(ProcedureListColumn column, String value) {
            if (value == null) {
                return null;
            }
            if (value.isEmpty()) {
                problems.add(new Message("catalog.import.row.required", column.header));
                return null;
            }
            Unit unit = unitsByKey.get(value);
            if (unit == null) {
                unit = unitsByCode.get(value.toLowerCase(Locale.ROOT));
            }
            if (unit == null) {
                unit = unitsByName.get(SearchText.fold(value));
            }
            if (unit == null) {
                problems.add(new Message("catalog.import.row.unit", column.header, shorten(value)));
            }
            return unit;
        }

        private List<Unit> handlers(Unit receiving) {
            String value = text(ProcedureListColumn.HANDLING_UNITS, true);
            if (value == null || value.isBlank()) {
                return receiving == null ? List.of() : List.of(receiving);
            }
            Map<String, Unit> found = new LinkedHashMap<>();
            for (String part : value.split("[;\\n]")) {
                if (!part.isBlank()) {
                    Unit u = unit(ProcedureListColumn.HANDLING_UNITS, part.strip());
                    if (u != null) {
                        found.putIfAbsent(u.getKey(), u);
                    }
                }
            }
            return List.copyOf(found.values());
        }

        private StatutoryTime time() {
            String unitText = text(ProcedureListColumn.TIME_UNIT, false);
            String amountText = text(ProcedureListColumn.TIME, false);
            if (unitText == null || amountText == null) {
                return null;
            }
            StatutoryUnit unit = switch (SearchText.fold(unitText).replace('_', ' ')) {
                case "ngay lam viec", "working days", "workingdays" -> StatutoryUnit.WORKING_DAYS;
                case "gio lam viec", "gio", "working hours", "workinghours" -> StatutoryUnit.WORKING_HOURS;
                case "ngay", "ngay lich", "calendar days", "calendardays" -> StatutoryUnit.CALENDAR_DAYS;
                case "trong ngay", "ngay trong ngay", "same day", "sameday" -> StatutoryUnit.SAME_DAY;
                default -> null;
            };
            if (unit == null) {
                problems.add(new Message(unitText.isEmpty() ? "catalog.import.row.required" : "catalog.import.row.timeUnit",
                        unitText.isEmpty() ? ProcedureListColumn.TIME_UNIT.header : shorten(unitText)));
                return null;
            }
            if (unit == StatutoryUnit.SAME_DAY) {
                if (!amountText.isEmpty() && !amountText.equals("1") && !SearchText.fold(amountText).equals("trong ngay")) {
                    problems.add(new Message("catalog.import.row.time.sameDay", shorten(amountText)));
                    return null;
                }
                return StatutoryTime.sameDay();
            }
            BigDecimal amount = decimal(amountText);
            if (amount == null || amount.signum() <= 0) {
                problems.add(new Message(amountText.isEmpty() ? "catalog.import.row.required" : "catalog.import.row.time",
                        amountText.isEmpty() ? ProcedureListColumn.TIME.header : shorten(amountText)));
                return null;
            }
            try {
                return switch (unit) {
                    case WORKING_DAYS -> {
                        if (amount.stripTrailingZeros().scale() <= 0) {
                            yield StatutoryTime.days(bounded(amount.intValueExact(), MAX_DAYS));
                        }
                        // half a working day is 4 working hours
                        yield StatutoryTime.hours(bounded(amount.multiply(BigDecimal.valueOf(StatutoryTime.HOURS_PER_DAY))
                                .intValueExact(), MAX_HOURS));
                    }
                    case WORKING_HOURS -> StatutoryTime.hours(bounded(amount.intValueExact(), MAX_HOURS));
                    default -> StatutoryTime.calendarDays(bounded(amount.intValueExact(), MAX_DAYS));
                };
            } catch (ArithmeticException e) {
                problems.add(new Message("catalog.import.row.time.whole", shorten(amountText), unitText));
                return null;
            } catch (IllegalArgumentException e) {
                problems.add(new Message("catalog.import.row.time.range", shorten(amountText), MAX_DAYS));
                return null;
            }
        }

        private int bounded(int value, int max) {
            if (value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        }

        private LocalTime cutoff() {
            String value = text(ProcedureListColumn.CUTOFF, false);
            if (value == null || value.isEmpty()) {
                return null;
            }
            Matcher m = TIME_OF_DAY.matcher(value.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                int h = Integer.parseInt(m.group(1));
                int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                if (h < 24 && min < 60) {
                    return LocalTime.of(h, min);
                }
            }
            problems.add(new Message("catalog.import.row.cutoff", shorten(value)));
            return null;
        }

        private long fee() {
            String value = text(ProcedureListColumn.FEE, false);
            if (value == null || value.isEmpty()) {
                return 0;
            }
            String folded = SearchText.fold(value);
            if (folded.startsWith("mien") || folded.equals("khong") || folded.equals("khong thu")) {
                return 0;
            }
            String digits = folded.replaceAll("(vnd|dong|d)$", "").replaceAll("[.,\\s]", "");
            if (!digits.matches("\\d{1,12}")) {
                problems.add(new Message("catalog.import.row.fee", shorten(value)));
                return 0;
            }
            return Long.parseLong(digits);
        }

        private Boolean yesNo(ProcedureListColumn column) {
            String value = text(column, false);
            if (value == null || value.isEmpty()) {
                return null;
            }
            return switch (SearchText.fold(value)) {
                case "co", "x", "true", "1", "yes", "dung", "da doi chieu" -> true;
                case "khong", "false", "0", "no", "sai", "chua", "chua doi chieu" -> false;
                default -> {
                    problems.add(new Message("catalog.import.row.yesNo", column.header, shorten(value)));
                    yield null;
                }
            };
        }

        private List<RequiredDocument> documents() {
            String value = text(ProcedureListColumn.DOCUMENTS, true);
            if (value == null || value.isBlank()) {
                return List.of();
            }
            List<RequiredDocument> documents = new ArrayList<>();
            for (String line : value.split("\\n|\\s\\|\\s")) {
                String item = line.strip().replaceFirst("^[-+•*]\\s*", "").replaceAll("\\s+", " ");
                if (item.isEmpty()) {
                    continue;
                }
                DocumentKind kind = DocumentKind.ORIGINAL;
                int count = 1;
                Matcher m = DOCUMENT_KIND.matcher(item);
                if (m.matches()) {
                    item = m.group(1).strip();
                    String k = SearchText.fold(m.group(2));
                    kind = k.contains("chung thuc") ? DocumentKind.CERTIFIED_COPY
                            : k.equals("ban chinh") ? DocumentKind.ORIGINAL : DocumentKind.PHOTOCOPY;
                    if (m.group(3) != null) {
                        count = Math.max(1, Integer.parseInt(m.group(3)));
                    }
                }
                if (item.length() > MAX_NAME) {
                    problems.add(new Message("catalog.import.row.size", ProcedureListColumn.DOCUMENTS.header, MAX_NAME));
                    return List.of();
                }
                documents.add(new RequiredDocument(item, kind, count));
            }
            if (documents.size() > MAX_DOCUMENTS) {
                problems.add(new Message("catalog.import.row.documents.count", MAX_DOCUMENTS));
                return List.of();
            }
            return List.copyOf(documents);
        }

        /** The province's own internal process, or null when the row gives none (the default split applies). */
        private List<StepShare> steps(StatutoryTime time, String receivingUnit) {
            String value = text(ProcedureListColumn.STEPS, false);
            if (value == null || value.isBlank()) {
                return null;
            }
            Map<String, Long> minutes = new LinkedHashMap<>();
            for (String part : value.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                Matcher m = STEP.matcher(part);
                String step = m.matches() ? step(m.group(1)) : null;
                BigDecimal hours = m.matches() ? decimal(m.group(2)) : null;
                if (step == null || hours == null || hours.signum() <= 0
                        || hours.multiply(BigDecimal.valueOf(60)).stripTrailingZeros().scale() > 0
                        || minutes.putIfAbsent(step, hours.multiply(BigDecimal.valueOf(60)).longValueExact()) != null) {
                    problems.add(new Message("catalog.import.row.steps", shorten(value)));
                    return null;
                }
            }
            if (!minutes.keySet().equals(new java.util.HashSet<>(ImportedProcedure.STANDARD_STEPS))) {
                problems.add(new Message("catalog.import.row.steps", shorten(value)));
                return null;
            }
            long total = minutes.values().stream().mapToLong(Long::longValue).sum();
            if (total != time.workingMinutes()) {
                problems.add(new Message("catalog.import.row.steps.total", hours(total), hours(time.workingMinutes())));
                return null;
            }
            return ImportedProcedure.STANDARD_STEPS.stream()
                    .map(s -> new StepShare(s, minutes.get(s), s.equals("returnResult") ? receivingUnit : null, null))
                    .toList();
        }

        private String step(String name) {
            return switch (SearchText.fold(name).replace(" ", "")) {
                case "appraise", "thamdinh" -> "appraise";
                case "approve", "pheduyet" -> "approve";
                case "returnresult", "traketqua" -> "returnResult";
                default -> null;
            };
        }
    }

    private static String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** A number with a decimal comma or point ("0,5", "1.5", "3"); null when it is none. */
    static BigDecimal decimal(String text) {
        String t = text.strip().replace(',', '.');
        if (!t.matches("\\d{1,6}(\\.\\d{1,4})?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** A value quoted back in a message: at most 60 characters. */
    static String shorten(String value) {
        String clean = PlainTexts.strip(value);
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "…";
    }
}
