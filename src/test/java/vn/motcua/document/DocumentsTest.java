package vn.motcua.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.Driver.clock;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponse;
import org.xml.sax.InputSource;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The standard documents of dossiers driven through the real engine: each form in the state that
 * issues it, with its key facts, escaped; the forms a dossier does not have yet; who may fetch them
 * over HTTP; PDF with Vietnamese text; a unit's register over a period. The household business
 * registration (1.001612, 3 working days) is received and handled at UBND phường Thuận Hóa.
 */
@MotcuaTest
class DocumentsTest {

    static final String HOUSEHOLD_BUSINESS = "1.001612";
    /** Monday 24 Nov 2025, 09:00 in Huế: received then, the appointment is Thursday 27 Nov 09:00. */
    static final String MONDAY_9 = "2025-11-24T09:00+07:00";
    static final String RECEPTION = "phuongthuanhoa_reception";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Documents documents;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired PlatformTransactionManager transactions;

    Api anonymous;

    @BeforeEach
    void setUp() {
        clock(MONDAY_9);
        Staff.actAs("tiepnhan.thuanhoa", RECEPTION);
        anonymous = Api.at(port);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        Staff.clear();
    }

    @Test
    void aReceivedDossierHasItsReceiptProcessControlSheetAndRegisterRow() {
        String code = intake("Lê Văn <script>alert('x')</script> Hải");
        assertUnavailable(code, "01");
        as("tiepnhan.thuanhoa", RECEPTION, () -> driver.complete(code, "Task_receptionCheck", "APPROVE", null));

        String receipt = documents.html(code, "01");
        assertThat(receipt).contains("Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND phường Thuận Hóa", code,
                "Đăng ký thành lập hộ kinh doanh", "046190001234", "5 Hùng Vương, phường Thuận Hóa, Huế",
                "0905123456", "hai@example.com", "3 ngày làm việc")
                // the procedure's papers, their kinds and counts
                .contains("Giấy đề nghị đăng ký hộ kinh doanh", "Bản chính", "Bản sao có chứng thực")
                // received Monday 09:00, appointment Thursday 27 Nov 09:00
                .contains("09:00, Thứ Hai ngày 24/11/2025", "09:00, Thứ Năm ngày 27/11/2025")
                // the receiving officer, by name, and the look-up keys
                .contains("Ngô Thị Thu", "mã hồ sơ <strong>" + code + "</strong> và số giấy tờ tùy thân");
        assertEscaped(receipt);
        assertThat(receipt).contains("Lê Văn &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Hải");

        // appraisal late (due Wednesday 09:00), approval on its due day, the result not returned yet
        clock("2025-11-26T10:00+07:00");
        as("chuyenvien.thuanhoa", "phuongthuanhoa_specialists",
                () -> driver.complete(code, "Task_appraise", "APPROVE", null));
        clock("2025-11-26T14:00+07:00");
        as("lanhdao.thuanhoa", "phuongthuanhoa_leaders", () -> driver.complete(code, "Task_approve", "APPROVE", null));

        String control = documents.html(code, "06");
        assertThat(control).contains("Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code,
                "Cơ quan, đơn vị chủ trì giải quyết:</th><td>UBND phường Thuận Hóa")
                .contains("Kiểm tra, tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Phê duyệt kết quả", "Trả kết quả")
                // the officers who handed the dossier on
                .contains("Ngô Thị Thu", "Bùi Văn Nam", "Đỗ Thị Hương")
                .contains("Trước hạn", "Quá hạn", "Đúng hạn", "Đang xử lý")
                .contains("26/11/2025<br/>09:00", "26/11/2025<br/>10:00");
        assertThat(rowsOf(control)).containsExactly(
                List.of("Kiểm tra, tiếp nhận hồ sơ", "Trước hạn"),
                List.of("Thẩm định hồ sơ", "Quá hạn"),
                List.of("Phê duyệt kết quả", "Đúng hạn"),
                List.of("Trả kết quả", "Đang xử lý"));
        assertEscaped(control);

        String row = documents.html(code, "07");
        assertThat(row).contains("Mẫu số 07", "SỔ THEO DÕI HỒ SƠ", code, "Đăng ký thành lập hộ kinh doanh",
                "5 Hùng Vương, phường Thuận Hóa, Huế", "0905123456", "24/11/2025<br/>09:00", "27/11/2025<br/>09:00",
                "Ngô Thị Thu", "Đã xử lý xong");
        assertEscaped(row);

        assertThat(documents.available(code)).extracting(AvailableDocument::form).containsExactly("01", "06", "07");
        assertUnavailable(code, "02");
        assertUnavailable(code, "03");
        assertUnavailable(code, "04");
        assertUnavailable(code, "05");
        assertThatThrownBy(() -> documents.html(code, "08")).satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> documents.html(code, "1")).satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> documents.html(code, "01", 2)).satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> documents.html("000.00.00.H57-990101-0001", "01"))
                .satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND));
    }

    @Test
    void everySupplementRequestHasItsForm02WithTheOfficersNote() {
        String code = intake("Phan Thị Mai");
        as("tiepnhan.thuanhoa", RECEPTION, () -> driver.complete(code, "Task_receptionCheck", "SUPPLEMENT",
                "Thiếu bản sao <b>giấy tờ pháp lý</b> của chủ hộ\nThiếu biên bản họp thành viên hộ gia đình"));

        String first = documents.html(code, "02");
        assertThat(first).contains("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", code, "Phan Thị Mai",
                "Đăng ký thành lập hộ kinh doanh", "5 Hùng Vương, phường Thuận Hóa, Huế", "0905123456",
                "hai@example.com", "Ngô Thị Thu", "hồ sơ chưa đầy đủ, chưa hợp lệ")
                .contains("Thiếu bản sao &lt;b&gt;giấy tờ pháp lý&lt;/b&gt; của chủ hộ\nThiếu biên bản họp")
                .doesNotContain("<b>giấy tờ");
        assertUnavailable(code, "01");
        assertUnavailable(code, "06");

        // the citizen brings the papers; received; the specialist asks for one more
        dossiers.supplementReceived(code);
        as("tiepnhan.thuanhoa", RECEPTION, () -> driver.complete(code, "Task_receptionCheck", "APPROVE", null));
        clock("2025-11-24T10:00+07:00");
        as("chuyenvien.thuanhoa", "phuongthuanhoa_specialists", () -> driver.complete(code, "Task_appraise",
                "SUPPLEMENT", "Bổ sung hợp đồng thuê mặt bằng kinh doanh"));

        assertThat(documents.html(code, "02")).contains("Bổ sung hợp đồng thuê mặt bằng kinh doanh", "Bùi Văn Nam",
                "(lần 2/2)", "thời gian chờ bổ sung không tính vào thời hạn giải quyết").doesNotContain("biên bản họp");
        assertThat(documents.html(code, "02", 1)).contains("Thiếu biên bản họp", "(lần 1/2)");
        assertThatThrownBy(() -> documents.html(code, "02", 3)).satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND));
        assertThat(documents.available(code)).extracting(AvailableDocument::form, AvailableDocument::n,
                AvailableDocument::url).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("01", null, "/api/dossiers/" + code + "/documents/01"),
                        org.assertj.core.groups.Tuple.tuple("02", 1, "/api/dossiers/" + code + "/documents/02?n=1"),
                        org.assertj.core.groups.Tuple.tuple("02", 2, "/api/dossiers/" + code + "/documents/02?n=2"),
                        org.assertj.core.groups.Tuple.tuple("06", null, "/api/dossiers/" + code + "/documents/06"),
                        org.assertj.core.groups.Tuple.tuple("07", null, "/api/dossiers/" + code + "/documents/07"));
        // while waiting, the appraisal step shows as in progress
        assertThat(rowsOf(documents.html(code, "06"))).last().isEqualTo(List.of("Thẩm định hồ sơ", "Đang xử lý"));
    }

    @Test
    void aRefusedDossierHasForm03WithTheReasons() {
        String code = intake("Võ Văn Tùng");
        clock("2025-11-24T10:30+07:00");
        as("tiepnhan.thuanhoa", RECEPTION, () -> driver.complete(code, "Task_receptionCheck", "REFUSE",
                "Hồ sơ không thuộc thẩm quyền <script>alert(1)</script> của UBND phường"));

        String refusal = documents.html(code, "03");
        assertThat(refusal).contains("Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", code, "Võ Văn Tùng",
                "Đăng ký thành lập hộ kinh doanh", "Huế, ngày 24/11/2025", "Ngô Thị Thu",
                "Hồ sơ không thuộc thẩm quyền &lt;script&gt;alert(1)&lt;/script&gt; của UBND phường");
        assertEscaped(refusal);
        assertThat(documents.available(code)).extracting(AvailableDocument::form).containsExactly("03");
        assertUnavailable(code, "01");
        assertUnavailable(code, "05");
        assertUnavailable(code, "07");
    }

    @Test
    void aStoppedDossierHasForm05FromTheUnitThatStoppedIt() {
        String code = received("Đặng Thị Hoa");
        clock("2025-11-25T10:00+07:00");
        as("chuyenvien.thuanhoa", "phuongthuanhoa_specialists", () -> driver.complete(code, "Task_appraise",
                "REFUSE", "Ngành nghề kinh doanh thuộc danh mục bị cấm"));
        assertThat(dossiers.require(code).getStatus()).isEqualTo(DossierStatus.STOPPED);

        String notice = documents.html(code, "05");
        assertThat(notice).contains("Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", code, "Đặng Thị Hoa",
                "UBND phường Thuận Hóa dừng giải quyết", "Ngành nghề kinh doanh thuộc danh mục bị cấm",
                "Huế, ngày 25/11/2025", "Bùi Văn Nam", "hẹn trả kết quả vào 09:00 ngày 27/11/2025");
        assertThat(rowsOf(documents.html(code, "06"))).extracting(r -> r.get(1)).doesNotContain("Đang xử lý");
    }

    @Test
    void aReappointedDossierHasItsApologyAsForm04() {
        String code = received("Trương Văn Lộc");
        assertUnavailable(code, "04");
        clock("2025-11-26T09:00+07:00");
        driver.execute(management.createJobQuery()
                .processInstanceId(driver.instance(code, "appointmentWatch").getId()).timers().singleResult());
        driver.complete(code, "Task_draftApology", null, null,
                Map.of("reason", "Chờ xác minh <i>địa điểm</i> kinh doanh", "extensionDays", 2L));
        driver.complete(code, "Task_approveApology", "APPROVE", null);

        String apology = documents.html(code, "04");
        assertThat(apology).contains("Mẫu số 04", "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", code, "Trương Văn Lộc",
                "Chờ xác minh &lt;i&gt;địa điểm&lt;/i&gt; kinh doanh", "27/11/2025 09:00", "Thứ Hai, 01/12/2025 09:00");
        assertThat(documents.html(code, "04", 1)).isEqualTo(apology);
        assertThat(documents.model(code, "04", null)).containsEntry("reason", "Chờ xác minh <i>địa điểm</i> kinh doanh");
        assertThat(documents.available(code)).extracting(AvailableDocument::form).containsExactly("01", "04", "06", "07");
    }

    /** What the engine will do: render the form in the transaction that changed the status, before it commits. */
    @Test
    void aFormRendersInTheTransactionThatChangedTheStatus() {
        String code = intake("Lý Thị Cúc");
        String html = new TransactionTemplate(transactions).execute(tx -> {
            dossiers.changeStatus(code, DossierStatus.SUPPLEMENT_REQUESTED, "Task_requestSupplementAtReception",
                    "tiepnhan.thuanhoa", "Thiếu tờ khai có chữ ký");
            String rendered = documents.html(code, "02");
            tx.setRollbackOnly();
            return rendered;
        });
        assertThat(html).contains("Thiếu tờ khai có chữ ký", "Ngô Thị Thu", "Lý Thị Cúc");
        assertUnavailable(code, "02");
    }

    @Test
    void staffOfTheDossiersUnitsFetchItsDocumentsOverHttp() throws IOException {
        String code = received("Lê Thị <script>Hạnh</script>");
        String base = "/api/dossiers/" + code + "/documents";
        Api counter = anonymous.as("tiepnhan.thuanhoa", "demo");

        Api.Response page = counter.get(base + "/01", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(page.body()).contains(code, "Lê Thị &lt;script&gt;Hạnh&lt;/script&gt;", "27/11/2025")
                .doesNotContain("<script>");
        // the API client's default Accept (JSON) gets the page too
        assertThat(counter.get(base + "/06").status()).isEqualTo(200);
        assertThat(anonymous.as("giamsat.noivu", "demo").get(base + "/07", "text/html").status()).isEqualTo(200);

        JsonNode list = counter.get(base).json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("form").asText()).isEqualTo("01");
        assertThat(list.get(0).get("title").asText()).isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(list.get(0).get("url").asText()).isEqualTo(base + "/01");
        assertThat(list.get(0).get("pdfUrl").asText()).isEqualTo(base + "/01?format=pdf");
        assertThat(list.get(0).get("issuedAt").asText()).isEqualTo("2025-11-24T09:00:00+07:00");
        assertThat(list.get(1).get("title").asText()).isEqualTo("Phiếu kiểm soát quá trình giải quyết hồ sơ");
        // the dossier's staff view lists them too
        assertThat(counter.get("/api/dossiers/" + code).json().get("documents")).isEqualTo(list);

        assertProblem(anonymous.get(base + "/01", "text/html"), 401);
        assertProblem(anonymous.get(base), 401);
        assertProblem(anonymous.as("tiepnhan.hcc", "demo").get(base + "/01", "text/html"), 403);
        assertProblem(anonymous.as("tiepnhan.hcc", "demo").get(base), 403);
        assertProblem(counter.get("/api/dossiers/000.00.00.H57-990101-0001/documents/01", "text/html"), 404);
        Api.Response unknown = counter.get(base + "/09", "text/html");
        assertProblem(unknown, 404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Không có mẫu \"09\": các mẫu văn bản là 01 đến 07.");
        Api.Response notYet = counter.get(base + "/03", "text/html");
        assertProblem(notYet, 404);
        assertThat(notYet.json().get("detail").asText())
                .isEqualTo("Hồ sơ " + code + " chưa có Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu số 03).");
        assertProblem(counter.get(base + "/01?format=doc", "text/html"), 400);
        assertProblem(counter.download(base + "/05", "application/pdf"), 404);

        // PDF, asked either way, with the Vietnamese text in embedded fonts
        for (Api.Download pdf : List.of(counter.download(base + "/01?format=pdf", "*/*"),
                counter.download(base + "/01", "application/pdf"))) {
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.disposition()).startsWith("inline").contains("Mau-01-" + code + ".pdf");
            String text = pdfText(pdf.body());
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code, "Lê Thị <script>Hạnh</script>",
                    "Đăng ký thành lập hộ kinh doanh", "Ngô Thị Thu", "27/11/2025");
        }
    }

    @Test
    void everyFormIsWellFormedXhtmlAndRendersToPdf() throws Exception {
        String code = received("Nguyễn Thị Ánh");
        clock("2025-11-24T11:00+07:00");
        as("chuyenvien.thuanhoa", "phuongthuanhoa_specialists", () -> driver.complete(code, "Task_appraise",
                "SUPPLEMENT", "Bổ sung & hoàn thiện \"tờ khai\""));
        clock("2025-11-25T09:00+07:00");
        dossiers.supplementReceived(code);
        driver.complete(code, "Task_appraise", "REFUSE", "Ngành nghề <không> được phép");
        for (AvailableDocument document : documents.available(code)) {
            String html = documents.html(code, document.form(), document.n());
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
            byte[] pdf = documents.pdf(code, document.form(), document.n());
            // kept for a person to look at
            Path folder = Files.createDirectories(Path.of("target", "documents"));
            Files.writeString(folder.resolve("Mau-" + document.form() + ".html"), html);
            Files.write(folder.resolve("Mau-" + document.form() + ".pdf"), pdf);
            String text = pdfText(pdf);
            assertThat(text).as("Form %s", document.form()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Mẫu số " + document.form());
        }
        assertThat(documents.available(code)).extracting(AvailableDocument::form)
                .containsExactly("01", "02", "05", "06", "07");
    }

    @Test
    void aUnitsRegisterListsTheDossiersItReceivedInThePeriod() throws IOException {
        clock("2025-12-02T08:00+07:00");
        String tuesday = received("Hà Văn Sơn");
        String notReceived = intake("Chưa Tiếp Nhận");
        clock("2025-12-03T16:30+07:00");
        String wednesday = received("Lâm Thị <b>Yến</b>");
        Api counter = anonymous.as("tiepnhan.thuanhoa", "demo");

        Api.Response tuesdayOnly = counter.get("/api/registers/phuongthuanhoa?from=2025-12-02&to=2025-12-02", "text/html");
        assertThat(tuesdayOnly.status()).isEqualTo(200);
        assertThat(tuesdayOnly.contentType()).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(tuesdayOnly.body()).contains("Mẫu số 07", "SỔ THEO DÕI HỒ SƠ", "UBND phường Thuận Hóa",
                "Từ ngày 02/12/2025 đến ngày 02/12/2025", tuesday, "Hà Văn Sơn", "02/12/2025<br/>08:00", "Ngô Thị Thu")
                .doesNotContain(wednesday, notReceived);

        String both = anonymous.as("giamsat.noivu", "demo")
                .get("/api/registers/phuongthuanhoa?from=2025-12-01&to=2025-12-03", "text/html").body();
        assertThat(both).contains(tuesday, wednesday, "Lâm Thị &lt;b&gt;Yến&lt;/b&gt;").doesNotContain(notReceived);
        assertThat(both.indexOf(tuesday)).isLessThan(both.indexOf(wednesday));
        assertThat(counter.get("/api/registers/phuongthuanhoa?from=2025-12-04&to=2025-12-31", "text/html").body())
                .contains("Không có hồ sơ nào được tiếp nhận trong thời gian này").doesNotContain(tuesday);

        Api.Download pdf = anonymous.as("giamsat.thuanhoa", "demo")
                .download("/api/registers/phuongthuanhoa?from=2025-12-01&to=2025-12-03&format=pdf", "*/*");
        assertThat(pdf.status()).isEqualTo(200);
        Files.write(Files.createDirectories(Path.of("target", "documents")).resolve("So-theo-doi.pdf"), pdf.body());
        assertThat(pdfText(pdf.body())).contains("SỔ THEO DÕI HỒ SƠ", "Hà Văn Sơn", "Lâm Thị <b>Yến</b>");

        assertProblem(anonymous.get("/api/registers/phuongthuanhoa?from=2025-12-01&to=2025-12-03"), 401);
        assertProblem(anonymous.as("tiepnhan.hcc", "demo")
                .get("/api/registers/phuongthuanhoa?from=2025-12-01&to=2025-12-03"), 403);
        assertProblem(counter.get("/api/registers/hcc?from=2025-12-01&to=2025-12-03"), 403);
        assertProblem(counter.get("/api/registers/nowhere?from=2025-12-01&to=2025-12-03"), 404);
        assertProblem(counter.get("/api/registers/phuongthuanhoa?from=2025-12-03&to=2025-12-01"), 400);
        assertProblem(counter.get("/api/registers/phuongthuanhoa?from=2024-01-01&to=2025-12-01"), 400);
        Api.Response badDate = counter.get("/api/registers/phuongthuanhoa?from=02/12/2025&to=2025-12-03");
        assertProblem(badDate, 400);
        assertThat(badDate.json().get("errors").get(0).get("message").asText()).contains("yyyy-MM-dd");
        assertProblem(counter.get("/api/registers/phuongthuanhoa?from=2025-12-01"), 400);
    }

    @Test
    void aControlCharacterStoredBeforeInputWasCheckedDoesNotBreakThePdfs() throws IOException {
        clock("2024-07-10T09:00+07:00"); // a month no other test registers dossiers in (the indicators test counts March 2026)
        // the service itself does not check (the web layer does): as a dossier stored before the checks existed
        String code = received("Anon\u0000Nul\u202E Trần");
        List<AvailableDocument> available = documents.available(code);
        assertThat(available).extracting(AvailableDocument::form).contains("01", "06", "07");
        for (AvailableDocument document : available) {
            byte[] pdf = documents.pdf(code, document.form(), document.n());
            assertThat(pdfText(pdf)).as("Form %s", document.form()).contains("AnonNul Trần");
        }
        Api.Download register = anonymous.as("tiepnhan.thuanhoa", "demo")
                .download("/api/registers/phuongthuanhoa?from=2024-07-10&to=2024-07-10&format=pdf", "*/*");
        assertThat(register.status()).isEqualTo(200);
        assertThat(pdfText(register.body())).contains("AnonNul Trần");
    }

    // --- helpers

    /** Files a counter dossier for the household business registration, as its counter officer. */
    private String intake(String applicantName) {
        return dossiers.intake(new IntakeRequest(HOUSEHOLD_BUSINESS, Channel.COUNTER,
                new IntakeRequest.ApplicantData(applicantName, "046190001234", "0905123456", "hai@example.com",
                        "5 Hùng Vương, phường Thuận Hóa, Huế"),
                Map.of())).getCode();
    }

    /** Files and receives a dossier (its counter officer approves the reception check). */
    private String received(String applicantName) {
        String code = intake(applicantName);
        as("tiepnhan.thuanhoa", RECEPTION, () -> driver.complete(code, "Task_receptionCheck", "APPROVE", null));
        return code;
    }

    /** Completes engine work as this officer, the way Tasklist would. */
    private void as(String user, String group, Runnable work) {
        // as Tasklist authenticates: with the tenants of the user's group
        identity.setAuthentication(user, List.of(group), identity.createTenantQuery().groupMember(group).list()
                .stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList());
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void assertUnavailable(String code, String form) {
        assertThatThrownBy(() -> documents.html(code, form)).as("form %s of %s", form, code)
                .satisfies(e -> assertProblem(e, HttpStatus.NOT_FOUND));
    }

    private static void assertProblem(Throwable e, HttpStatus status) {
        assertThat(e).isInstanceOf(ErrorResponse.class);
        assertThat(((ErrorResponse) e).getStatusCode()).isEqualTo(status);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(Api.Download response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Whatever a citizen or an officer typed shows as text, never as markup. */
    private static void assertEscaped(String html) {
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    /** The step and verdict cells of Form 06's rows. */
    private static List<List<String>> rowsOf(String form06) {
        List<List<String>> rows = new java.util.ArrayList<>();
        java.util.regex.Matcher row = java.util.regex.Pattern
                .compile("<tr>\\s*<td class=\"c\">\\d+</td>\\s*<td>([^<]*)</td>(?s:.*?)<td class=\"c\">(?:<strong>)?([^<]*)(?:</strong>)?</td>\\s*</tr>")
                .matcher(form06);
        while (row.find()) {
            rows.add(List.of(row.group(1), row.group(2)));
        }
        return rows;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines break where the page wraps them: compare the text as one line
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
