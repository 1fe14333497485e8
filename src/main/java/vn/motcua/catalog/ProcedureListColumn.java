package vn.motcua.catalog;

import java.util.List;

/**
 * The columns of an imported procedure list. A header matches a column by one of its names, compared
 * without case, diacritics, punctuation or a part in parentheses ("Lệ phí (đồng)" is "le phi"), so the
 * tables of the province's decisions can be pasted as they are; other columns (STT…) are ignored.
 */
enum ProcedureListColumn {
    CODE(true, "Mã thủ tục", "ma thu tuc", "ma tthc", "ma so tthc", "ma", "code"),
    NAME(true, "Tên thủ tục", "ten thu tuc", "ten tthc", "ten thu tuc hanh chinh", "ten", "name"),
    SECTOR(true, "Lĩnh vực", "linh vuc", "sector"),
    LEVEL(true, "Cấp thực hiện", "cap thuc hien", "cap", "level"),
    RECEIVING_UNIT(true, "Đơn vị tiếp nhận", "don vi tiep nhan", "noi tiep nhan", "co quan tiep nhan", "receivingunit"),
    HANDLING_UNITS(false, "Đơn vị giải quyết", "don vi giai quyet", "co quan giai quyet", "handlingunits"),
    TIME(true, "Thời hạn giải quyết", "thoi han giai quyet", "thoi han", "time"),
    TIME_UNIT(true, "Đơn vị thời gian", "don vi thoi gian", "don vi thoi han", "timeunit"),
    CUTOFF(false, "Giờ tiếp nhận muộn nhất", "gio tiep nhan muon nhat", "gio chot", "cutoff", "afternooncutoff"),
    FEE(false, "Lệ phí (đồng)", "le phi", "phi le phi", "muc le phi", "fee"),
    FEE_NOTE(false, "Ghi chú phí, lệ phí", "ghi chu phi le phi", "ghi chu le phi", "feenote"),
    DOCUMENTS(false, "Thành phần hồ sơ", "thanh phan ho so", "giay to", "documents"),
    ONLINE(false, "Nộp trực tuyến", "nop truc tuyen", "truc tuyen", "online"),
    STEPS(false, "Quy trình nội bộ (giờ)", "quy trinh noi bo", "steps"),
    VERIFIED(false, "Đã đối chiếu", "da doi chieu", "verified"),
    NOTE(false, "Ghi chú", "ghi chu", "nguon", "note");

    final boolean required;
    /** The header the export writes and messages name. */
    final String header;
    final List<String> names;

    ProcedureListColumn(boolean required, String header, String... names) {
        this.required = required;
        this.header = header;
        this.names = List.of(names);
    }

    /** The column a header names, or null. */
    static ProcedureListColumn of(String header) {
        String key = key(header);
        for (ProcedureListColumn c : values()) {
            if (c.names.contains(key)) {
                return c;
            }
        }
        return null;
    }

    /** A header compared: folded, without the part in parentheses and without punctuation. */
    static String key(String header) {
        String folded = SearchText.fold(header).replaceAll("\\([^)]*\\)", " ").replaceAll("[^a-z0-9 ]", " ");
        return folded.replaceAll("\\s+", " ").strip();
    }
}
