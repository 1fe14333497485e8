package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.Committed;
import vn.motcua.MotcuaTest;
import vn.motcua.engine.Driver;
import vn.motcua.online.PublicClient.Part;

/** The public API of the online channel over HTTP: what gets in, what is refused and how, what is left behind. */
@MotcuaTest
class OnlineApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired AttachmentProperties attachments;
    @Autowired OnlineFilings filings;
    @Autowired Driver driver;

    PublicClient citizen;

    @BeforeEach
    void client() {
        citizen = PublicClient.at(port);
    }

    @Test
    void aCitizenFilesOnlineAndTheReceivingUnitsCounterGetsTheDossierInTasklist() throws Exception {
        byte[] pdf = Samples.pdf("giấy chứng sinh");
        PublicClient.Response filed = citizen.file(Samples.filing(Samples.BIRTH, "Nguyễn Văn Trực Tuyến"),
                Part.file("giay-chung-sinh.pdf", "application/pdf", pdf),
                Part.file("to-khai.JPG", "image/jpeg", Samples.jpeg()),
                Part.file("cccd.png", null, Samples.png()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode view = filed.json();
        String code = view.get("code").asText();
        assertThat(code).matches("000\\.00\\.41\\.H57-\\d{6}-\\d{4}");
        assertThat(filed.headers().firstValue("Location")).hasValue("/api/public/dossiers/" + code);
        assertThat(view.get("statusCode").asInt()).isEqualTo(1);
        assertThat(view.get("statusLabel").asText()).isEqualTo("Mới đăng ký");
        assertThat(view.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(view.get("appointmentDate").isNull()).isTrue();
        assertThat(view.get("files")).hasSize(3);
        assertThat(view.get("files").get(0).get("name").asText()).isEqualTo("giay-chung-sinh.pdf");
        assertThat(view.get("files").get(1).get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(view.get("files").get(2).get("contentType").asText()).isEqualTo("image/png");
        // the applicant's own data only: no ID number, phone or address in the public view
        assertThat(filed.body()).doesNotContain(Samples.ID_NUMBER).doesNotContain("0914555666").doesNotContain("Nguyễn Huệ");

        // one row per file, the file outside the database, with its SHA-256
        Map<String, Object> row = jdbc.queryForMap(
                "select * from attachment where dossier_code = ? and original_name = 'giay-chung-sinh.pdf'", code);
        assertThat(row.get("KIND")).isEqualTo("APPLICATION");
        assertThat(row.get("SIZE_BYTES")).isEqualTo((long) pdf.length);
        assertThat(row.get("SHA256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(row.get("UPLOADED_BY")).isEqualTo("citizen");
        Path stored = attachments.folder().resolve((String) row.get("STORED_NAME"));
        assertThat(Files.readAllBytes(stored)).isEqualTo(pdf);
        assertThat(storedFiles()).noneMatch(p -> p.toString().endsWith(".part"));

        // the counter of the receiving unit checks it in Tasklist like a counter dossier
        assertThat(driver.candidateGroups(driver.task(code, "Task_receptionCheck"))).containsExactly("phuongthuanhoa_reception");
        JsonNode staffView = vn.motcua.Api.at(port).as("tiepnhan.thuanhoa", "demo").get("/api/dossiers/" + code).json();
        assertThat(staffView.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(staffView.get("history").get(0).get("actor").asText()).isEqualTo("citizen");
        assertThat(staffView.get("attachments")).hasSize(3);
        JsonNode first = staffView.get("attachments").get(0);
        assertThat(first.get("sha256").asText()).isEqualTo(row.get("SHA256"));
        PublicClient officer = PublicClient.at(port).as("tiepnhan.thuanhoa", "demo");
        PublicClient.Response download = officer.get(first.get("href").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        // another unit's officer may not open it
        assertThat(PublicClient.at(port).as("tiepnhan.phuxuan", "demo").get(first.get("href").asText()).status())
                .isEqualTo(403);

        // the applicant looks it up with the ID number
        PublicClient.Response lookedUp = citizen.lookUp(code, Samples.ID_NUMBER);
        assertThat(lookedUp.status()).isEqualTo(200);
        assertThat(lookedUp.json().get("timeline").get(0).get("statusLabel").asText()).isEqualTo("Mới đăng ký");
        assertThat(lookedUp.json().get("procedureName").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(lookedUp.json().get("receivingUnit").asText()).isEqualTo("UBND phường Thuận Hóa");
    }

    @Test
    void aMissingFieldOrPartAnswers400WithOneVietnameseMessagePerFieldAndStoresNothing() throws Exception {
        Snapshot before = snapshot();
        Map<String, Object> filing = Samples.filing(Samples.BIRTH, " ");
        @SuppressWarnings("unchecked") Map<String, Object> applicant = (Map<String, Object>) filing.get("applicant");
        applicant.put("idNumber", "04619500");
        applicant.remove("address");
        PublicClient.Response invalid = citizen.file(filing, Part.file("a.pdf", "application/pdf", Samples.pdf("a")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        Map<String, String> errors = errors(invalid.json());
        assertThat(errors).containsOnlyKeys("applicant.fullName", "applicant.idNumber", "applicant.address");
        assertThat(errors.get("applicant.fullName")).isEqualTo("Họ và tên không được để trống.");
        assertThat(errors.get("applicant.idNumber")).contains("12 chữ số");
        assertThat(errors.get("applicant.address")).isEqualTo("Địa chỉ không được để trống.");

        Map<String, Object> noProcedure = Samples.filing(Samples.BIRTH, "Lê Văn Thiếu");
        noProcedure.remove("procedureCode");
        assertThat(errors(citizen.file(noProcedure).json())).containsEntry("procedureCode",
                "Chưa chọn thủ tục (procedureCode).");

        PublicClient.Response noDossier = citizen.file(null, Part.file("a.pdf", "application/pdf", Samples.pdf("a")));
        assertThat(noDossier.status()).isEqualTo(400);
        assertThat(noDossier.contentType()).startsWith("application/problem+json");
        assertThat(noDossier.json().get("detail").asText()).isEqualTo("Thiếu phần bắt buộc \"dossier\" trong dữ liệu gửi lên.");

        PublicClient.Response notJson = citizen.multipart("/api/public/dossiers",
                List.of(new Part("dossier", null, "application/json", "{not json".getBytes())));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asText()).contains("JSON");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownProcedureOrOneNotFiledOnlineIsRefusedWith422AndStoresNothing() throws Exception {
        Snapshot before = snapshot();
        PublicClient.Response unknown = citizen.file(Samples.filing("9.999999", "Phan Văn Lạ"),
                Part.file("a.pdf", "application/pdf", Samples.pdf("a")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Không có thủ tục mã 9.999999 trong danh mục.");

        Committed.update(jdbc, "update procedure_def set online_filing = false where code = '1.013222'");
        try {
            PublicClient.Response counterOnly = citizen.file(Samples.filing("1.013222", "Phan Văn Quầy"),
                    Part.file("a.pdf", "application/pdf", Samples.pdf("a")));
            assertThat(counterOnly.status()).isEqualTo(422);
            assertThat(counterOnly.contentType()).startsWith("application/problem+json");
            assertThat(counterOnly.json().get("detail").asText())
                    .isEqualTo("Thủ tục mã 1.013222 chưa cho phép nộp hồ sơ trực tuyến. Vui lòng nộp hồ sơ tại Bộ phận Một cửa.");
            assertThat(citizen.get("/nop-ho-so/1.013222").status()).isEqualTo(404);
        } finally {
            Committed.update(jdbc, "update procedure_def set online_filing = true where code = '1.013222'");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aWrongIdNumberAnswersExactlyLikeAnUnknownCode() {
        String code = citizen.file(Samples.filing(Samples.BIRTH, "Võ Thị Bí Mật")).json().get("code").asText();
        String unknownCode = code.substring(0, code.length() - 4) + "9999";

        PublicClient.Response wrongId = citizen.lookUp(code, "046195009999");
        PublicClient.Response unknown = citizen.lookUp(unknownCode, Samples.ID_NUMBER);
        assertThat(wrongId.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongId.contentType()).isEqualTo(unknown.contentType()).startsWith("application/problem+json");
        // the same body but for the path, which each caller chose
        assertThat(wrongId.body().replace(code, "CODE")).isEqualTo(unknown.body().replace(unknownCode, "CODE"));
        assertThat(wrongId.json().get("detail").asText())
                .isEqualTo("Không tìm thấy hồ sơ có mã hồ sơ và số định danh cá nhân đã nhập. Vui lòng kiểm tra lại.");
        assertThat(wrongId.body()).doesNotContain("Võ Thị Bí Mật");
        // nor do the other public answers tell the two apart
        assertThat(citizen.result(code, "046195009999").body().replace(code, "CODE"))
                .isEqualTo(citizen.result(unknownCode, Samples.ID_NUMBER).body().replace(unknownCode, "CODE"));
        assertThat(citizen.supplement(code, "046195009999", Part.file("a.pdf", "application/pdf", Samples.pdf("a")))
                .status()).isEqualTo(404);
        PublicClient.Response page = citizen.form("/tra-cuu", "code", code, "idNumber", "046195009999");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy hồ sơ").doesNotContain("Võ Thị Bí Mật");
        // the right ID number, with spaces around it, finds it
        assertThat(citizen.lookUp(code, " " + Samples.ID_NUMBER + " ").status()).isEqualTo(200);
        assertThat(citizen.get("/api/public/dossiers/" + code).status()).isEqualTo(400);
    }

    @Test
    void anOversizedFileIsRefusedWith413AndLeavesNoFileOrDossier() throws Exception {
        Snapshot before = snapshot();
        int limit = (int) attachments.maxFileSize().toBytes();
        PublicClient.Response tooLarge = citizen.file(Samples.filing(Samples.BIRTH, "Đỗ Văn Nặng"),
                Part.file("ban-ve.pdf", "application/pdf", Samples.pdf("nhỏ")),
                Part.file("ban-ve-lon.pdf", "application/pdf", Samples.pdfOfSize(limit + 1)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        JsonNode problem = tooLarge.json();
        assertThat(problem.get("detail").asText())
                .isEqualTo("Tệp \"ban-ve-lon.pdf\" dung lượng 10.485.761 byte, vượt quá giới hạn 10 MB cho mỗi tệp.");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("files[1]");
        assertThat(snapshot()).isEqualTo(before);

        // exactly the limit is accepted
        PublicClient.Response atLimit = citizen.file(Samples.filing(Samples.BIRTH, "Đỗ Văn Vừa"),
                Part.file("ban-ve.pdf", "application/pdf", Samples.pdfOfSize(limit)));
        assertThat(atLimit.status()).isEqualTo(201);
    }

    @Test
    void aDisguisedExecutableOrAFileThatIsNotWhatItsNameSaysIsRefusedWith415AndLeavesNothing() throws Exception {
        Snapshot before = snapshot();
        PublicClient.Response exe = citizen.file(Samples.filing(Samples.BIRTH, "Trịnh Văn Giả"),
                Part.file("giay-to.pdf", "application/pdf", Samples.exe()));
        assertThat(exe.status()).isEqualTo(415);
        assertThat(exe.contentType()).startsWith("application/problem+json");
        assertThat(exe.json().get("detail").asText()).isEqualTo("Tệp \"giay-to.pdf\" mang đuôi PDF nhưng nội dung không "
                + "phải là tệp PDF. Tệp bị từ chối: chỉ nhận tệp PDF, JPEG, PNG có nội dung đúng định dạng.");
        assertThat(exe.json().get("errors").get(0).get("field").asText()).isEqualTo("files[0]");

        PublicClient.Response program = citizen.file(Samples.filing(Samples.BIRTH, "Trịnh Văn Giả"),
                Part.file("setup.exe", "application/octet-stream", Samples.exe()));
        assertThat(program.status()).isEqualTo(415);
        assertThat(program.json().get("detail").asText()).contains("không phải tệp PDF, JPEG hoặc PNG");

        PublicClient.Response pngAsPdf = citizen.file(Samples.filing(Samples.BIRTH, "Trịnh Văn Giả"),
                Part.file("giay-to.pdf", "application/pdf", Samples.png()));
        assertThat(pngAsPdf.status()).isEqualTo(415);
        assertThat(pngAsPdf.json().get("detail").asText()).startsWith("Tệp \"giay-to.pdf\" có nội dung là PNG nhưng");

        PublicClient.Response declaredWrong = citizen.file(Samples.filing(Samples.BIRTH, "Trịnh Văn Giả"),
                Part.file("anh.png", "application/pdf", Samples.png()));
        assertThat(declaredWrong.status()).isEqualTo(415);
        assertThat(declaredWrong.json().get("detail").asText()).contains("application/pdf");

        // one bad file among good ones refuses the whole filing
        PublicClient.Response mixed = citizen.file(Samples.filing(Samples.BIRTH, "Trịnh Văn Giả"),
                Part.file("to-khai.pdf", "application/pdf", Samples.pdf("tờ khai")),
                Part.file("giay-to.pdf", "application/pdf", Samples.exe()));
        assertThat(mixed.status()).isEqualTo(415);
        assertThat(mixed.json().get("errors")).hasSize(1);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void tooManyFilesOrAnEmptyFileAre400() throws Exception {
        Snapshot before = snapshot();
        Part[] eleven = new Part[attachments.maxFiles() + 1];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = Part.file("trang-" + i + ".pdf", "application/pdf", Samples.pdf("trang " + i));
        }
        PublicClient.Response tooMany = citizen.file(Samples.filing(Samples.BIRTH, "Lý Văn Nhiều"), eleven);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asText()).isEqualTo("Chỉ được đính kèm tối đa 10 tệp mỗi lần gửi.");

        PublicClient.Response empty = citizen.file(Samples.filing(Samples.BIRTH, "Lý Văn Rỗng"),
                Part.file("rong.pdf", "application/pdf", new byte[0]));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).isEqualTo("Tệp \"rong.pdf\" rỗng (0 byte).");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void tooManyFilingsOrLookupsFromOneAddressAre429WithRetryAfter() {
        PublicClient busy = PublicClient.at(port, "198.19.200.1");
        for (int i = 0; i < 10; i++) {
            assertThat(busy.file(Map.of()).status()).as("filing %d", i + 1).isEqualTo(400);
        }
        PublicClient.Response refused = busy.file(Samples.filing(Samples.BIRTH, "Hà Văn Vội"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).startsWith("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn.");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3000L, 3600L);
        // the page form counts in the same bucket, and says so in a page
        PublicClient.Response page = busy.multipart("/nop-ho-so/" + Samples.BIRTH, List.of(Part.text("fullName", "x")));
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("quá nhiều yêu cầu");
        // another address is not limited
        assertThat(PublicClient.at(port, "198.19.200.2").file(Samples.filing(Samples.BIRTH, "Hà Văn Chậm")).status())
                .isEqualTo(201);

        PublicClient curious = PublicClient.at(port, "198.19.200.3");
        for (int i = 0; i < 60; i++) {
            assertThat(curious.lookUp("000.00.41.H57-200101-0001", "0461950" + String.format("%05d", i)).status())
                    .isEqualTo(404);
        }
        PublicClient.Response stopped = curious.lookUp("000.00.41.H57-200101-0001", "046195012345");
        assertThat(stopped.status()).isEqualTo(429);
        assertThat(Long.parseLong(stopped.headers().firstValue("Retry-After").orElseThrow())).isBetween(500L, 600L);
        assertThat(curious.form("/tra-cuu", "code", "x", "idNumber", "1").status()).isEqualTo(429);
    }

    @Test
    void whenFilingFailsAfterFilesWereWrittenNoFileRowDossierOrProcessIsLeft() throws Exception {
        Snapshot before = snapshot();
        MultipartFile good = new MockMultipartFile("files", "to-khai.pdf", "application/pdf", Samples.pdf("tờ khai"));
        MultipartFile breaks = new MockMultipartFile("files", "giay-to.pdf", "application/pdf", Samples.pdf("giấy tờ")) {
            private int opened;

            @Override
            public InputStream getInputStream() throws IOException {
                if (++opened > 1) { // the check reads the head; storing it fails
                    throw new IOException("the disk is full");
                }
                return super.getInputStream();
            }
        };
        OnlineFilingRequest request = new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(Samples.filing(Samples.BIRTH, "Cao Văn Hỏng"), OnlineFilingRequest.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> filings.file(request, List.of(good, breaks)))
                .hasMessageContaining("Cannot store a file");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theOpenApiDescriptionAndSwaggerUiArePublicAndLeaveTheEngineOut() {
        PublicClient.Response docs = citizen.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asText()).isEqualTo("Motcua API");
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/public/dossiers")).isTrue();
        assertThat(paths.has("/api/public/dossiers/{code}")).isTrue();
        assertThat(paths.has("/api/public/dossiers/{code}/supplement")).isTrue();
        assertThat(paths.has("/api/public/dossiers/{code}/result")).isTrue();
        assertThat(paths.has("/api/dossiers/{code}/result")).isTrue();
        assertThat(docs.body()).doesNotContain("engine-rest").doesNotContain("/camunda");
        assertThat(paths.get("/api/public/dossiers").get("post").get("requestBody").get("content")
                .has("multipart/form-data")).isTrue();
        PublicClient.Response ui = citizen.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(citizen.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void thePublicPagesAreServedInVietnamese() {
        PublicClient.Response home = citizen.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        assertThat(home.body()).contains("<html lang=\"vi\">").contains("Đăng ký khai sinh").contains("Miễn lệ phí")
                .contains("3 ngày làm việc").contains("href=\"/nop-ho-so/1.001193\"").contains("Thành phần hồ sơ");
        // the catalog is paged (20 a page): a procedure further on, found by its code
        assertThat(citizen.get("/?q=2.001610").body()).contains("Đăng ký thành lập doanh nghiệp tư nhân")
                .contains("50.000 đồng").contains("3 ngày làm việc");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");
        PublicClient.Response form = citizen.get("/nop-ho-so/" + Samples.BIRTH);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<fieldset>").contains("<legend>Thông tin người nộp hồ sơ</legend>")
                .contains("<label for=\"idNumber\">").contains("type=\"file\"").contains("enctype=\"multipart/form-data\"");
        PublicClient.Response unknown = citizen.get("/nop-ho-so/9.999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Không có thủ tục mã 9.999999 trong danh mục.");
        PublicClient.Response lookup = citizen.get("/tra-cuu?ma=000.00.41.H57-261127-0001");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).contains("value=\"000.00.41.H57-261127-0001\"");
        assertThat(citizen.get("/css/motcua.css").status()).isEqualTo(200);

        // a page form with errors answers 400 with the messages by the fields, nothing stored
        PublicClient.Response invalid = citizen.multipart("/nop-ho-so/" + Samples.BIRTH, List.of(
                Part.text("fullName", ""), Part.text("idNumber", "123"), Part.text("phone", "0914555666"),
                Part.text("address", "Huế"), Part.file("giay-to.pdf", "application/pdf", Samples.exe())));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Họ và tên không được để trống.").contains("12 chữ số")
                .contains("mang đuôi PDF").contains("aria-invalid=\"true\"").contains("value=\"Huế\"");
    }

    // --- what is stored ---

    record Snapshot(long dossiers, long attachmentRows, long processes, long historicProcesses, List<String> files) {
    }

    private Snapshot snapshot() throws IOException {
        return new Snapshot(count("dossier"), count("attachment"), runtime.createProcessInstanceQuery().count(),
                history.createHistoricProcessInstanceQuery().count(),
                storedFiles().stream().map(Path::toString).sorted().toList());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private List<Path> storedFiles() throws IOException {
        Path folder = attachments.folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static Map<String, String> errors(JsonNode problem) {
        Map<String, String> errors = new HashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
        return errors;
    }
}
