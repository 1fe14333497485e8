package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;

/**
 * The import of the province's procedure list, the same on every database (H2: {@link CatalogImportTest},
 * MariaDB: {@link CatalogImportMariaDbTest}): the shipped sample (219 rows, 5 of them procedures of the
 * catalog file) imported at start-up and again, a changed row, a file with bad rows, and files refused as a
 * whole. Checked through the API and against the tables.
 */
abstract class CatalogImportContract {

    static final String SAMPLE = "catalog/sample/thu-tuc-hanh-chinh-mau.csv";
    static final String SAMPLE_NAME = "thu-tuc-hanh-chinh-mau.csv";
    static final String HEADER = "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Đơn vị tiếp nhận,Đơn vị giải quyết,"
            + "Thời hạn giải quyết,Đơn vị thời gian,Giờ tiếp nhận muộn nhất,Lệ phí (đồng),\"Ghi chú phí, lệ phí\","
            + "Thành phần hồ sơ,Nộp trực tuyến,Quy trình nội bộ (giờ),Đã đối chiếu,Ghi chú";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Api admin;

    @BeforeEach
    void clients() {
        admin = Api.at(port).as("demo", "demo");
    }

    static byte[] sample() {
        try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Response importCsv(String name, byte[] content) {
        return admin.upload("/api/catalog/imports", "file", name, "text/csv", content);
    }

    /** The outcome per code of a report. */
    static Map<String, String> outcomes(JsonNode report) {
        return StreamSupport.stream(report.get("report").spliterator(), false)
                .filter(r -> !r.get("code").isNull())
                .collect(Collectors.toMap(r -> r.get("code").asText(), r -> r.get("outcome").asText(), (a, b) -> a + "," + b));
    }

    static JsonNode row(JsonNode report, int line) {
        for (JsonNode r : report.get("report")) {
            if (r.get("line").asInt() == line) {
                return r;
            }
        }
        throw new AssertionError("no row for line " + line + " in " + report);
    }

    static String messages(JsonNode row) {
        List<String> all = new ArrayList<>();
        row.get("messages").forEach(m -> all.add(m.asText()));
        return String.join(" | ", all);
    }

    long procedures(String codeLike) {
        return jdbc.queryForObject("select count(*) from procedure_def where code like ?", Long.class, codeLike);
    }

    @Test
    void theShippedSampleWasImportedAtStartAndImportingItAgainChangesNothing() {
        // start-up (the demo profile) imported it into the empty catalog: 214 created, the 5 procedures of the
        // catalog file kept as they are, none refused
        Map<String, Object> first = jdbc.queryForMap("select * from catalog_import where origin = 'STARTUP' and file_name = ? "
                + "order by id", SAMPLE_NAME);
        assertThat(first.get("rows_total")).isEqualTo(219);
        assertThat(first.get("created_count")).isEqualTo(214);
        assertThat(first.get("kept_count")).isEqualTo(5);
        assertThat(first.get("refused_count")).isEqualTo(0);
        assertThat(jdbc.queryForObject("select count(*) from catalog_import_row r join catalog_import i on i.id = r.import_id "
                + "where i.id = ?", Long.class, first.get("id"))).isEqualTo(219);
        assertThat(jdbc.queryForObject("select count(*) from procedure_def where source = 'IMPORT'", Long.class))
                .isGreaterThanOrEqualTo(214);

        Api.Response again = importCsv(SAMPLE_NAME, sample());
        assertThat(again.status()).isEqualTo(201);
        JsonNode report = again.json();
        assertThat(report.get("rows").asInt()).isEqualTo(219);
        assertThat(report.get("created").asInt()).isZero();
        assertThat(report.get("updated").asInt()).isZero();
        assertThat(report.get("unchanged").asInt()).isEqualTo(214);
        assertThat(report.get("kept").asInt()).isEqualTo(5);
        assertThat(report.get("refused").asInt()).isZero();
        assertThat(outcomes(report)).containsEntry("1.001193", "KEPT").containsEntry("1.004222", "UNCHANGED");
        assertThat(messages(row(report, lineOf("1.001193")))).contains("catalog.yml");
        assertThat(again.headers().firstValue("Location")).hasValue("/api/catalog/imports/" + report.get("id").asLong());
        assertThat(admin.get("/api/catalog/imports/" + report.get("id").asLong()).json().get("unchanged").asInt())
                .isEqualTo(214);

        // what an imported row became: the standard process, the default split of 7 working days
        // (approval 20 %, return 10 % at the receiving counter, appraisal the rest)
        JsonNode residence = admin.get("/api/procedures/1.004222").json();
        assertThat(residence.get("name").asText()).isEqualTo("Đăng ký thường trú");
        assertThat(residence.get("source").asText()).isEqualTo("IMPORT");
        assertThat(residence.get("receivingUnit").get("key").asText()).isEqualTo("conganthuanhoa");
        assertThat(residence.get("statutoryUnit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(residence.get("statutoryDays").asInt()).isEqualTo(7);
        assertThat(residence.get("process").asText()).isEqualTo("handlingStandard");
        assertThat(residence.get("defaultSteps").asBoolean()).isTrue();
        assertThat(residence.get("fee").asLong()).isEqualTo(20000);
        assertThat(residence.get("verified").asBoolean()).isTrue();
        assertThat(residence.get("steps")).extracting(s -> s.get("step").asText() + "=" + s.get("workingMinutes").asLong()
                + "@" + s.get("unit").asText())
                .containsExactly("appraise=2352@conganthuanhoa", "approve=672@conganthuanhoa", "returnResult=336@conganthuanhoa");
        // the law's units come through: "30 ngày" of the land dispute mediation, the same day of certifying copies
        JsonNode mediation = admin.get("/api/procedures/1.012812").json();
        assertThat(mediation.get("statutoryUnit").asText()).isEqualTo("CALENDAR_DAYS");
        assertThat(mediation.get("statutoryAmount").asInt()).isEqualTo(30);
        JsonNode copies = admin.get("/api/procedures/2.000815").json();
        assertThat(copies.get("statutoryUnit").asText()).isEqualTo("SAME_DAY");
        assertThat(copies.get("statutoryText").asText()).startsWith("Trong ngày");
    }

    /** The row of the sample a code is on (the header is row 1; a cell may hold line breaks). */
    static int lineOf(String code) {
        String[] lines = new String(sample(), StandardCharsets.UTF_8).split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(code + ";") || lines[i].startsWith("\uFEFF" + code + ";")) {
                return i + 1;
            }
        }
        throw new AssertionError(code + " is not in the sample");
    }

    @Test
    void aChangedRowIsUpdatedAndTheOthersStayUnchanged() {
        String original = new String(sample(), StandardCharsets.UTF_8);
        String changed = original.replace("1.004222;Đăng ký thường trú;Đăng ký, quản lý cư trú;Xã;conganthuanhoa;;7;",
                "1.004222;Đăng ký thường trú;Đăng ký, quản lý cư trú;Xã;conganthuanhoa;;8;");
        assertThat(changed).isNotEqualTo(original);
        try {
            JsonNode report = importCsv(SAMPLE_NAME, changed.getBytes(StandardCharsets.UTF_8)).json();
            assertThat(report.get("updated").asInt()).isEqualTo(1);
            assertThat(report.get("unchanged").asInt()).isEqualTo(213);
            assertThat(outcomes(report)).containsEntry("1.004222", "UPDATED");
            assertThat(jdbc.queryForObject("select statutory_amount from procedure_def where code = '1.004222'", Integer.class))
                    .isEqualTo(8);
            assertThat(jdbc.queryForObject("select sum(working_minutes) from procedure_step where procedure_code = '1.004222'",
                    Long.class)).isEqualTo(8 * 8 * 60L);
        } finally {
            JsonNode back = importCsv(SAMPLE_NAME, sample()).json();
            assertThat(back.get("updated").asInt()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select statutory_amount from procedure_def where code = '1.004222'", Integer.class))
                .isEqualTo(7);
    }

    @Test
    void aFileWithBadRowsRefusesEachWithItsReasonsAndAppliesTheOthers() {
        String csv = String.join("\n", HEADER,
                /* 2 */ "9.900001,Thủ tục thử nhập danh mục (dòng hợp lệ),Thử nghiệm nhập,Xã,phuongthuanhoa,,5,ngày làm việc,,50.000,,"
                        + "\"Tờ khai theo mẫu (bản chính)\nGiấy tờ chứng minh (bản sao có chứng thực, 2 bản)\",Có,,Không,",
                /* 3 */ ",Thủ tục không có mã,Thử nghiệm nhập,Xã,phuongthuanhoa,,5,ngày làm việc,,,,,,,,",
                /* 4 */ "9.900003,Thủ tục đơn vị lạ,Thử nghiệm nhập,Xã,UBND phường Không Có,,5,ngày làm việc,,,,,,,,",
                /* 5 */ "9.900004,Thủ tục đơn vị thời gian lạ,Thử nghiệm nhập,Xã,phuongthuanhoa,,2,tuần,,,,,,,,",
                /* 6 */ "9.900005,\"=HYPERLINK(\"\"http://x.invalid\"\",\"\"bấm\"\")\",Thử nghiệm nhập,Xã,phuongthuanhoa,,5,ngày làm việc,,,,,,,,",
                /* 7 */ "9.900006,Tên có\u0000ký tự NUL,Thử nghiệm nhập,Xã,phuongthuanhoa,,5,ngày làm việc,,,,,,,,",
                /* 8 */ "9.900007,Thủ tục lệ phí chữ,Thử nghiệm nhập,Xã,phuongthuanhoa,,5,ngày làm việc,,năm mươi nghìn,,,,,,",
                /* 9 */ "9.900008,Thủ tục cấp huyện,Thử nghiệm nhập,Huyện,phuongthuanhoa,,5,ngày làm việc,,,,,,,,",
                /* 10 */ "9.900001,Trùng mã dòng 2,Thử nghiệm nhập,Xã,phuongthuanhoa,,5,ngày làm việc,,,,,,,,",
                /* 11 */ "9.900010,Thủ tục quy trình sai tổng,Thử nghiệm nhập,Tỉnh,hcc,sotuphap,3,ngày làm việc,,,,,,"
                        + "appraise=10; approve=4; returnResult=4,,",
                /* 12 */ "9.900011,Thủ tục nửa ngày có quy trình riêng,Thử nghiệm nhập,Tỉnh,hcc,Sở Tư pháp thành phố Huế,\"0,5\","
                        + "ngày làm việc,,,,,Không,thẩm định=2; phê duyệt=1; trả kết quả=1,Có,Dòng thử",
                /* 13 */ "9.900012,Thủ tục ngày lẻ,Thử nghiệm nhập,Xã,phuongthuanhoa,,\"2,5\",ngày,,,,,,,,",
                /* 14 */ "9.900013,Thủ tục trong ngày,Thử nghiệm nhập,Xã,phuongthuanhoa,,,trong ngày,14:30,,,,Có,,,");
        Api.Response response = importCsv("danh-muc-loi.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(201);
        JsonNode report = response.json();
        assertThat(report.get("rows").asInt()).isEqualTo(13);
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("refused").asInt()).isEqualTo(10);
        assertThat(messages(row(report, 3))).isEqualTo("Thiếu mã thủ tục.");
        assertThat(messages(row(report, 4))).contains("không có đơn vị «UBND phường Không Có»");
        assertThat(messages(row(report, 5))).contains("Đơn vị thời gian «tuần» không hợp lệ");
        assertThat(messages(row(report, 6))).contains("chứa công thức");
        assertThat(messages(row(report, 7))).contains("ký tự không được phép (U+0000)");
        assertThat(messages(row(report, 8))).contains("Lệ phí «năm mươi nghìn» không hợp lệ");
        assertThat(messages(row(report, 9))).contains("không còn cấp huyện");
        assertThat(messages(row(report, 10))).contains("đã có ở dòng 2");
        assertThat(messages(row(report, 11))).contains("tổng 18 giờ, không bằng thời hạn giải quyết 24 giờ");
        assertThat(messages(row(report, 13))).contains("phải là số nguyên");
        assertThat(row(report, 2).get("outcome").asText()).isEqualTo("CREATED");

        // the refused rows left nothing; the good ones are whole, with their papers and steps
        assertThat(procedures("9.90000%")).isEqualTo(1);
        assertThat(procedures("9.9000__")).isEqualTo(3);
        JsonNode good = admin.get("/api/procedures/9.900001").json();
        assertThat(good.get("fee").asLong()).isEqualTo(50000);
        assertThat(good.get("online").asBoolean()).isTrue();
        assertThat(good.get("documents")).extracting(d -> d.get("kind").asText() + "x" + d.get("count").asInt())
                .containsExactly("ORIGINALx1", "CERTIFIED_COPYx2");
        JsonNode half = admin.get("/api/procedures/9.900011").json();
        assertThat(half.get("statutoryUnit").asText()).isEqualTo("WORKING_HOURS");
        assertThat(half.get("statutoryHours").asInt()).isEqualTo(4);
        assertThat(half.get("handlingUnits").get(0).get("key").asText()).isEqualTo("sotuphap");
        assertThat(half.get("defaultSteps").asBoolean()).isFalse();
        assertThat(half.get("steps")).extracting(s -> s.get("step").asText() + "=" + s.get("workingMinutes").asLong()
                + "@" + s.get("unit").asText())
                .containsExactly("appraise=120@sotuphap", "approve=60@sotuphap", "returnResult=60@hcc");
        JsonNode sameDay = admin.get("/api/procedures/9.900013").json();
        assertThat(sameDay.get("statutoryUnit").asText()).isEqualTo("SAME_DAY");
        assertThat(sameDay.get("afternoonCutoff").asText()).isEqualTo("14:30:00");
        // the report is kept, rows and reasons
        long id = report.get("id").asLong();
        assertThat(jdbc.queryForObject("select count(*) from catalog_import_row where import_id = ? and outcome = 'REFUSED'",
                Long.class, id)).isEqualTo(10);
        assertThat(messages(row(admin.get("/api/catalog/imports/" + id).json(), 9))).contains("không còn cấp huyện");
    }

    @Test
    void aFileRefusedAsAWholeAppliesNothing() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 200; i++) {
            csv.append(String.format("9.91%04d,Thủ tục thử số %d,Thử nghiệm nhập,Xã,phuongphuxuan,,3,ngày làm việc,,,,,,,,%n", i, i));
        }
        // the last row opens a quote it never closes: the whole file is refused, the 200 rows before included
        csv.append("9.919999,\"Thủ tục dở dang,Thử nghiệm nhập,Xã,phuongphuxuan,,3,ngày làm việc,,,,,,,,\n");
        Api.Response broken = importCsv("dang-do.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().get("detail").asText()).contains("dấu ngoặc kép mở ở dòng 202").contains("Không dòng nào được nhập");
        assertThat(procedures("9.91%")).isZero();

        Api.Response noSector = importCsv("thieu-cot.csv", ("Mã thủ tục,Tên thủ tục,Cấp thực hiện,Đơn vị tiếp nhận,"
                + "Thời hạn giải quyết,Đơn vị thời gian\n9.929999,Thủ tục thiếu cột,Xã,phuongphuxuan,3,ngày làm việc\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(noSector.status()).isEqualTo(400);
        assertThat(noSector.json().get("detail").asText()).isEqualTo("Tệp thiếu cột bắt buộc: «Lĩnh vực». Không dòng nào được nhập.");
        assertThat(procedures("9.92%")).isZero();

        // a dry run checks and reports, and keeps nothing
        long imports = jdbc.queryForObject("select count(*) from catalog_import", Long.class);
        String valid = HEADER + "\n9.930001,Thủ tục thử chạy khô,Thử nghiệm nhập,Xã,phuongphuxuan,,3,ngày làm việc,,,,,,,,\n";
        Api.Response dry = admin.upload("/api/catalog/imports?dryRun=true", "file", "thu.csv", "text/csv",
                valid.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().get("created").asInt()).isEqualTo(1);
        assertThat(dry.json().get("id").isNull()).isTrue();
        assertThat(procedures("9.93%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from catalog_import", Long.class)).isEqualTo(imports);
    }
}
