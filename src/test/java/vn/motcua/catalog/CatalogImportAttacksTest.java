package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.WebappSession;

/**
 * The import and the export tried as an attacker would, and an XLSX file as Excel writes it: who may import,
 * oversized and malformed files, zip bombs and external entities, formula cells, NUL bytes, and values an
 * exported CSV must not let a spreadsheet run.
 */
@MotcuaTest
class CatalogImportAttacksTest {

    static final String[] COLUMNS = {"Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Đơn vị tiếp nhận",
        "Thời hạn giải quyết", "Đơn vị thời gian", "Lệ phí (đồng)", "Ghi chú phí, lệ phí", "Nộp trực tuyến", "Ghi chú"};

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Api anonymous;
    Api admin;

    @BeforeEach
    void clients() {
        anonymous = Api.at(port);
        admin = anonymous.as("demo", "demo");
    }

    /** The header as a CSV line (the fee note's title holds a comma, so it is quoted). */
    private static String header() {
        return String.join(",", Arrays.stream(COLUMNS).map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList());
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Api.Response upload(Api as, String name, byte[] content) {
        return as.upload("/api/catalog/imports", "file", name, "application/octet-stream", content);
    }

    private static void problem(Api.Response response, int status, String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.motcua");
    }

    private long procedures(String codeLike) {
        return jdbc.queryForObject("select count(*) from procedure_def where code like ?", Long.class, codeLike);
    }

    @Test
    void onlyAdministratorsImportSeeImportsAndExport() {
        byte[] file = csv(header() + "\n9.940001,Thủ tục thử quyền,Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n");
        problem(upload(anonymous, "a.csv", file), 401, "");
        Api officer = anonymous.as("tiepnhan.hcc", "demo");
        problem(upload(officer, "a.csv", file), 403, "");
        Api cityWide = anonymous.as("giamsat.noivu", "demo");
        problem(upload(cityWide, "a.csv", file), 403, "");
        assertThat(officer.get("/api/catalog/imports").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/catalog/imports").status()).isEqualTo(401);
        assertThat(officer.get("/api/catalog/export.csv", "text/csv").status()).isEqualTo(403);
        assertThat(procedures("9.94%")).isZero();
        // and the list itself stays public
        assertThat(anonymous.get("/api/procedures/1.004222").status()).isEqualTo(200);
    }

    /**
     * The Admin plugin imports on the administrator's webapp session: only with that session's CSRF token (none, a
     * wrong one or another session's is no login at all), only for administrators, only for the import; and not
     * after logout.
     */
    @Test
    void aWebappSessionImportsOnlyWithItsOwnCsrfTokenAndOnlyAsAnAdministrator() {
        String path = "/api/catalog/imports";
        byte[] file = csv(header() + "\n9.940011,Thủ tục thử phiên,Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n");
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("admin", "demo", "demo")).isEqualTo(200);
        browser.open("admin"); // the page after the login, which gets the new session's token, as Admin does
        String token = browser.csrf();
        assertThat(token).isNotEmpty();

        WebappSession elsewhere = new WebappSession(port);
        elsewhere.open("admin");
        assertThat(elsewhere.csrf()).isNotEmpty().isNotEqualTo(token);
        for (String wrong : new String[] {null, "", token + "x", elsewhere.csrf()}) {
            assertThat(browser.upload(path, "file", "a.csv", file, wrong).status()).as("token " + wrong).isEqualTo(401);
        }
        // the token alone, without the session, is nothing either
        assertThat(elsewhere.upload(path, "file", "a.csv", file, token).status()).isEqualTo(401);
        assertThat(procedures("9.940011")).isZero();

        WebappSession.Response imported = browser.upload(path, "file", "a.csv", file, token);
        assertThat(imported.status()).isEqualTo(201);
        assertThat(procedures("9.940011")).isOne();
        assertThat(browser.get(path).status()).isEqualTo(200);

        // an officer's session with its own token: forbidden
        WebappSession officer = new WebappSession(port);
        assertThat(officer.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        officer.open("tasklist");
        assertThat(officer.upload(path, "file", "a.csv", file, officer.csrf()).status()).isEqualTo(403);
        // other writes still need HTTP Basic, token or not
        assertThat(browser.upload("/api/dossiers/x/supplement", "files", "a.pdf", file, token).status()).isEqualTo(401);
        // logged out, the session imports nothing
        String before = browser.csrf();
        assertThat(browser.logout()).isEqualTo(200);
        assertThat(browser.upload(path, "file", "a.csv", file, before).status()).isEqualTo(401);
        assertThat(browser.upload(path, "file", "a.csv", file, browser.csrf()).status()).isEqualTo(401);
    }

    @Test
    void filesTooLargeOfAnotherFormatOrNotUtf8AreRefusedWhole() {
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        problem(upload(admin, "lon.csv", big), 413, "Tệp quá lớn: tối đa 5 MB");

        StringBuilder rows = new StringBuilder(header()).append('\n');
        for (int i = 0; i < 5001; i++) {
            rows.append("9.95").append(String.format("%04d", i)).append(",Thủ tục ").append(i)
                    .append(",Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n");
        }
        problem(upload(admin, "nhieu.csv", csv(rows.toString())), 413, "tối đa 5.000 dòng");
        assertThat(procedures("9.95%")).isZero();

        // Excel 97-2003, a PDF named .xlsx
        problem(upload(admin, "cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}), 415, ".xlsx");
        problem(upload(admin, "gia.xlsx", csv("%PDF-1.7\n")), 415, ".xlsx");
        // Windows-1258 (Đ is 0xD0 there), UTF-16 with its byte order mark, binary junk with NUL bytes
        byte[] legacy = csv(header() + "\n9.960001,X,Thử,Xã,phuongthuanhoa,3,ngày,,,,\n");
        legacy[legacy.length - 5] = (byte) 0xD0;
        problem(upload(admin, "cu.csv", legacy), 400, "UTF-8");
        problem(upload(admin, "u16.csv", header().getBytes(StandardCharsets.UTF_16)), 400, "UTF-8");
        problem(upload(admin, "rac.csv", new byte[] {0, 0, (byte) 0xFF, (byte) 0xFE, 0, (byte) 0xC3, 0x28, 0}), 400, "UTF-8");
        assertThat(procedures("9.96%")).isZero();
        // no file, an empty file
        problem(admin.upload("/api/catalog/imports", "tep", "a.csv", "text/csv", csv("x")), 400, "Hãy chọn tệp");
        problem(upload(admin, "rong.csv", new byte[0]), 400, "Hãy chọn tệp");
    }

    @Test
    void cellsWithNulBytesFormulasOrTooLongAreRefusedRowByRow() {
        String name = "T".repeat(4001);
        byte[] file = csv(header() + "\n"
                + "9.970001,Thủ tục thử hợp lệ,Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n"
                + "9.970002,Thủ\u0000tục có NUL,Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n"
                + "9.970003,Thủ tục có ký tự đảo chiều \u202E,Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n"
                + "9.970004,\"=cmd|' /C calc'!A0\",Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n"
                + "9.970005," + name + ",Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\n"
                + "9.970006,Thủ tục mã có NUL,Thử,Xã,phuongthuanhoa,3,ngày làm việc,,,,\u0000\n");
        JsonNode report = upload(admin, "doc-hai.csv", file).json();
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(5);
        assertThat(CatalogImportContract.messages(CatalogImportContract.row(report, 3))).contains("(U+0000)");
        assertThat(CatalogImportContract.messages(CatalogImportContract.row(report, 4))).contains("(U+202E)");
        assertThat(CatalogImportContract.messages(CatalogImportContract.row(report, 5))).contains("chứa công thức");
        assertThat(CatalogImportContract.messages(CatalogImportContract.row(report, 6))).contains("quá dài");
        assertThat(CatalogImportContract.messages(CatalogImportContract.row(report, 7))).contains("«Ghi chú»").contains("(U+0000)");
        assertThat(procedures("9.97%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from procedure_def where name like '%' || char(0) || '%'", Long.class))
                .isZero();
    }

    @Test
    void anXlsxFileAsExcelWritesItWithFormulaCellsRefused() throws IOException {
        byte[] workbook = workbook(true);
        JsonNode report = upload(admin, "danh-muc.xlsx", workbook).json();
        assertThat(report.get("format").asText()).isEqualTo("XLSX");
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        // the formula's cached result is never used: the row is refused, whatever it computes to
        assertThat(CatalogImportContract.messages(CatalogImportContract.row(report, 3))).contains("«Tên thủ tục»")
                .contains("chứa công thức");
        JsonNode good = admin.get("/api/procedures/9.980001").json();
        assertThat(good.get("statutoryDays").asInt()).isEqualTo(5);
        assertThat(good.get("fee").asLong()).isEqualTo(30000);
        assertThat(good.get("online").asBoolean()).isTrue();
        assertThat(procedures("9.980002")).isZero();
        // again: nothing changes
        JsonNode again = upload(admin, "danh-muc.xlsx", workbook).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("created").asInt()).isZero();
    }

    @Test
    void zipBombsAndExternalEntitiesInXlsxAreRefusedWhole() throws IOException {
        byte[] valid = workbook(false);
        // 150 MB of blanks in the sheet, compressed to some hundred kilobytes
        byte[] bomb = replaceSheet(valid, out -> {
            out.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData>").getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 150; i++) {
                out.write(blanks);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(5 * 1024 * 1024);
        problem(upload(admin, "bom.xlsx", bomb), 400, "vượt giới hạn an toàn");

        byte[] entity = replaceSheet(valid, out -> out.write(("<?xml version=\"1.0\"?><!DOCTYPE worksheet ["
                + "<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Mã thủ tục</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row>"
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)));
        Api.Response refused = upload(admin, "xxe.xlsx", entity);
        problem(refused, 400, "DOCTYPE");
        assertThat(refused.body()).doesNotContain("root:");
    }

    @Test
    void theExportProtectsValuesASpreadsheetWouldRunAndImportsBackUnchanged() {
        byte[] file = csv(header() + "\n"
                + "9.990001,+84 đường dây nóng,Thử xuất,Xã,phuongthuanhoa,3,ngày làm việc,,-2+3 (xem bảng phí),Không,@SUM(1;2)\n");
        JsonNode created = upload(admin, "tiem.csv", file).json();
        assertThat(created.get("created").asInt()).isEqualTo(1);

        Api.Download export = admin.download("/api/catalog/export.csv", "text/csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.disposition()).contains("attachment").contains("danh-muc-thu-tuc.csv");
        String text = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFMã thủ tục;Tên thủ tục;");
        String line = Arrays.stream(text.split("\r\n")).filter(l -> l.startsWith("9.990001;")).findFirst().orElseThrow();
        assertThat(line).contains(";'+84 đường dây nóng;").contains(";'-2+3 (xem bảng phí);").contains("\"'@SUM(1;2)\"");
        // no cell of the whole export starts with what a spreadsheet runs
        for (String l : text.split("\r\n")) {
            for (String cell : l.split(";")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(c).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@").doesNotStartWith("-");
            }
        }
        // the export imports back as it is: nothing created, nothing updated, nothing refused
        JsonNode back = upload(admin, "danh-muc-thu-tuc.csv", export.body()).json();
        assertThat(back.get("refused").asInt()).as("%s", back.get("report")).isZero();
        assertThat(back.get("created").asInt()).isZero();
        assertThat(back.get("updated").asInt()).isZero();
        assertThat(CatalogImportContract.outcomes(back)).containsEntry("9.990001", "UNCHANGED").containsEntry("1.001193", "KEPT");
        assertThat(admin.get("/api/procedures/9.990001").json().get("name").asText()).isEqualTo("+84 đường dây nóng");
    }

    /** A workbook as Excel saves it: numbers as numbers, and (when asked) a row whose name is a formula. */
    private static byte[] workbook(boolean withFormula) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Danh mục");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(COLUMNS[i]);
            }
            Row good = sheet.createRow(1);
            good.createCell(0).setCellValue("9.980001");
            good.createCell(1).setCellValue("Thủ tục thử nhập từ Excel");
            good.createCell(2).setCellValue("Thử Excel");
            good.createCell(3).setCellValue("Xã");
            good.createCell(4).setCellValue("UBND phường Thuận Hóa");
            good.createCell(5).setCellValue(5);
            good.createCell(6).setCellValue("ngày làm việc");
            good.createCell(7).setCellValue(30000);
            good.createCell(9).setCellValue("Có");
            if (withFormula) {
                Row bad = sheet.createRow(2);
                bad.createCell(0).setCellValue("9.980002");
                bad.createCell(1).setCellFormula("HYPERLINK(\"http://x.invalid/\",\"Bấm vào đây\")");
                bad.createCell(2).setCellValue("Thử Excel");
                bad.createCell(3).setCellValue("Xã");
                bad.createCell(4).setCellValue("phuongthuanhoa");
                bad.createCell(5).setCellValue(5);
                bad.createCell(6).setCellValue("ngày làm việc");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    interface Content {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** The workbook with its first sheet's XML replaced. */
    private static byte[] replaceSheet(byte[] xlsx, Content sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
