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
import vn.motcua.dossier.ReturnMethod;
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
    @Autowired vn.motcua.deadline.Deadlines deadlines;

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
                "Đăng ký thành lập hộ kinh doanh", "Huế, ngày 24 tháng 11 năm 2025", "Ngô Thị Thu",
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
                "Huế, ngày 25 tháng 11 năm 2025", "Bùi Văn Nam", "hẹn trả kết quả vào 09:00 ngày 27/11/2025")
                // issued by the unit that stopped it, under its own number
                .containsPattern("Số: \\d{2,}/TB-UBND");
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
        assertThat(apology).contains("Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", code, "Trương Văn Lộc",
                "Chờ xác minh &lt;i&gt;địa điểm&lt;/i&gt; kinh doanh", "27/11/2025 09:00", "Thứ Hai, 01/12/2025 09:00")
                // the apology and the request for extension (not the 2018 wording)
                .contains("thành thật xin lỗi", "đề nghị gia hạn thời gian giải quyết hồ sơ thêm <strong>02 ngày làm việc",
                        "Huế, ngày 26 tháng 11 năm 2025", "ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA")
                .doesNotContain("HẸN LẠI NGÀY TRẢ KẾT QUẢ")
                .containsPattern("Số: \\d{2,}/XL-UBND");
        // the staff letter link serves the same letter, numbered the same
        long id = deadlinesOf(code);
        Api.Response letter = anonymous.as("tiepnhan.thuanhoa", "demo")
                .get("/api/dossiers/" + code + "/reappointments/" + id + "/letter", "text/html");
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.body()).isEqualTo(apology);
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

    /**
     * Circular 03/2025 field by field, on an enterprise registration received at the city's centre (whose
     * heading has two levels) and handled by the Department of Finance: the number line, the issuer under
     * its governing body and the date in the official style on every form; Form 01's way of returning the
     * result, number of sets and register line; Form 02's guiding officer with the phone they set; Form 07's
     * sets, lead agency, dates sent and back, signature column and notes. In the HTML and in the PDF text.
     */
    @Test
    void theFormsCarryTheFieldsOfCircular03() throws IOException {
        clock("2025-12-02T09:00+07:00");
        Staff.actAs("tiepnhan.hcc", "hcc_reception");
        String code = dossiers.intake(new IntakeRequest("2.001610", Channel.COUNTER,
                new IntakeRequest.ApplicantData("Hồ Văn Thịnh", "046090004321", "0905111222", "thinh@example.com",
                        "10 Lê Lợi, phường Thuận Hóa, Huế"),
                Map.of("enterpriseName", "DNTN Thịnh Phát"), ReturnMethod.POST, 2)).getCode();
        String next = dossiers.intake(new IntakeRequest("2.001610", Channel.COUNTER,
                new IntakeRequest.ApplicantData("Mai Thị Lụa", "046090004322", "0905111223", null,
                        "12 Lê Lợi, phường Thuận Hóa, Huế"),
                Map.of("enterpriseName", "DNTN Lụa"), ReturnMethod.ONLINE, null)).getCode();
        as("tiepnhan.hcc", "hcc_reception", () -> driver.complete(code, "Task_receptionCheck", "APPROVE", null));
        as("tiepnhan.hcc", "hcc_reception", () -> driver.complete(next, "Task_receptionCheck", "APPROVE", null));
        int line = dossiers.require(code).getRegisterNumber();
        // the centre's book of 2025, numbered in the order of reception
        assertThat(dossiers.require(code).getRegisterYear()).isEqualTo(2025);
        assertThat(dossiers.require(next).getRegisterNumber()).isEqualTo(line + 1);
        String number = String.format("%02d", line) + "/GTN-TTPVHCC";

        String receipt = documents.html(code, "01");
        assertThat(receipt).contains("<div class=\"governing\">UBND THÀNH PHỐ HUẾ</div><div class=\"issuer-name\">"
                        + "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG</div>", "Số: " + number, "Huế, ngày 02 tháng 12 năm 2025")
                .contains("2. Số lượng hồ sơ: 02 (bộ).")
                .contains("Đăng ký nhận kết quả tại: <strong>qua dịch vụ bưu chính công ích, đến địa chỉ 10 Lê Lợi,"
                        + " phường Thuận Hóa, Huế</strong>")
                .contains("Vào Sổ theo dõi hồ sơ, Quyển số: <strong>2025</strong>, Số thứ tự: <strong>" + line
                        + "</strong>.");
        String receiptPdf = pdfPageText(documents.pdf(code, "01", null));
        assertThat(receiptPdf).contains("UBND THÀNH PHỐ HUẾ", "TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG",
                "Số: " + number, "Huế, ngày 02 tháng 12 năm 2025", "Số lượng hồ sơ: 02 (bộ)",
                "Đăng ký nhận kết quả tại: qua dịch vụ bưu chính công ích",
                "Vào Sổ theo dõi hồ sơ, Quyển số: 2025, Số thứ tự: " + line);
        // the governing body above the unit, the number under it
        assertThat(receiptPdf.indexOf("UBND THÀNH PHỐ HUẾ")).isLessThan(receiptPdf.indexOf("TRUNG TÂM PHỤC VỤ"));
        assertThat(receiptPdf.indexOf("HÀNH CHÍNH CÔNG")).isLessThan(receiptPdf.indexOf("Số: " + number));
        assertThat(documents.html(next, "01")).contains("Đăng ký nhận kết quả tại: <strong>trực tuyến",
                "Số lượng hồ sơ: 01 (bộ)", "Số thứ tự: <strong>" + (line + 1) + "</strong>");

        // the specialist sets the work phone a citizen should call, then asks for a supplement: Form 02
        Api specialist = anonymous.as("chuyenvien.taichinh", "demo");
        String demoPhone = specialist.get("/api/officers/chuyenvien.taichinh").json().get("phone").asText();
        assertThat(demoPhone).isEqualTo("0234 3822 214");
        Api.Response set = specialist.put("/api/officers/chuyenvien.taichinh/phone", Map.of("phone", " 0234  3822 299 "));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("phone").asText()).isEqualTo("0234 3822 299");
        assertThat(set.json().get("name").asText()).isEqualTo("Trần Văn Minh");
        try {
            clock("2025-12-02T10:00+07:00");
            as("chuyenvien.taichinh", "sotaichinh_specialists", () -> driver.complete(code, "Task_appraise", "SUPPLEMENT",
                    "Bổ sung điều lệ doanh nghiệp"));
            String request = documents.html(code, "02");
            assertThat(request).contains("UBND THÀNH PHỐ HUẾ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                            "Huế, ngày 02 tháng 12 năm 2025", "Bổ sung điều lệ doanh nghiệp")
                    .contains("Cán bộ hướng dẫn:</th><td><strong>Trần Văn Minh</strong>")
                    .contains("Số điện thoại:</th><td><strong>0234 3822 299</strong>")
                    .containsPattern("Số: \\d{2,}/PYCBS-TTPVHCC");
            assertThat(pdfPageText(documents.pdf(code, "02", null))).contains("Cán bộ hướng dẫn: Trần Văn Minh",
                    "Số điện thoại: 0234 3822 299", "UBND THÀNH PHỐ HUẾ").containsPattern("Số: \\d{2,}/PYCBS-TTPVHCC");
            // the number is the document's for good
            String numberLine = request.substring(request.indexOf("Số: "), request.indexOf("</div>", request.indexOf("Số: ")));
            assertThat(documents.html(code, "02", 1)).contains(numberLine);
        } finally {
            assertThat(specialist.put("/api/officers/chuyenvien.taichinh/phone", Map.of("phone", demoPhone)).status())
                    .isEqualTo(200);
        }

        // the papers come back; appraisal, approval; the result is back at the counter at 14:00 and posted next day
        dossiers.supplementReceived(code);
        clock("2025-12-02T11:00+07:00");
        as("chuyenvien.taichinh", "sotaichinh_specialists", () -> driver.complete(code, "Task_appraise", "APPROVE", null));
        clock("2025-12-02T14:00+07:00");
        as("lanhdao.taichinh", "sotaichinh_leaders", () -> driver.complete(code, "Task_approve", "APPROVE", null));
        clock("2025-12-03T08:30+07:00");
        as("tiepnhan.hcc", "hcc_reception", () -> driver.complete(code, "Task_returnResult", null, null,
                Map.of("returnMethod", "POST")));

        String register = documents.html(code, "07");
        assertThat(register).contains("Quyển số: 2025", "Số lượng hồ sơ (bộ)", "Cơ quan chủ trì giải quyết",
                        "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả từ cơ quan giải quyết", "Ký nhận", "Ghi chú")
                .contains("<td class=\"c\">" + line + "</td>", "<td class=\"c\">02</td>", "Sở Tài chính thành phố Huế",
                        "10 Lê Lợi, phường Thuận Hóa, Huế<br/>ĐT: 0905111222")
                // received and sent at 09:00, the result back at 14:00, returned the next morning
                .contains("02/12/2025<br/>09:00", "02/12/2025<br/>14:00", "03/12/2025<br/>08:30")
                .contains("<td class=\"sign\"></td>", "Đã trả kết quả. Trả qua bưu chính. Người tiếp nhận: Nguyễn Thị Lan.");
        byte[] registerPdf = documents.pdf(code, "07", null);
        assertThat(pdfPageText(registerPdf)).contains("SỔ THEO DÕI HỒ SƠ", "Quyển số: 2025",
                "Huế, ngày 03 tháng 12 năm 2025");
        // the cells, which narrow columns wrap inside words: compared without white space
        assertThat(pdfText(registerPdf).replace(" ", "")).contains("Kýnhận", "Ghichú", "SởTàichínhthànhphốHuế",
                "Đãtrảkếtquả.Trảquabưuchính.", "02/12/202514:00", "03/12/202508:30");
        String sheet = documents.html(code, "06");
        assertThat(sheet).contains("Số: " + number, "UBND THÀNH PHỐ HUẾ");
        String unitRegister = anonymous.as("tiepnhan.hcc", "demo")
                .get("/api/registers/hcc?from=2025-12-02&to=2025-12-02", "text/html").body();
        assertThat(unitRegister).contains("Quyển số: 2025", code, next, "Trung tâm Phục vụ hành chính công thành phố Huế");
        assertThat(unitRegister.indexOf(code)).isLessThan(unitRegister.indexOf(next));
        // the staff view shows the register line and the chosen way of returning
        JsonNode view = anonymous.as("tiepnhan.hcc", "demo").get("/api/dossiers/" + code).json();
        assertThat(view.get("register").get("book").asInt()).isEqualTo(2025);
        assertThat(view.get("register").get("number").asInt()).isEqualTo(line);
        assertThat(view.get("returnMethod").asText()).isEqualTo("POST");
        assertThat(view.get("sets").asInt()).isEqualTo(2);
    }

    @Test
    void aBadWayOfReturningOrNumberOfSetsIsRefusedPerField() {
        Api counter = anonymous.as("tiepnhan.thuanhoa", "demo");
        Map<String, Object> applicant = Map.of("fullName", "Kiều Văn Sai", "idNumber", "046190009999",
                "phone", "0905123456", "address", "1 Lê Lợi, Huế");
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("returnMethod", "DRONE"),
                Map.entry("sets", 0), Map.entry("sets", 100), Map.entry("sets", "hai"))) {
            Api.Response refused = counter.post("/api/dossiers", Map.of("procedureCode", HOUSEHOLD_BUSINESS,
                    "channel", "COUNTER", "applicant", applicant, bad.getKey(), bad.getValue()));
            assertProblem(refused, 400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).as("%s", bad).isEqualTo(bad.getKey());
        }
        Api.Response filed = counter.post("/api/dossiers", Map.of("procedureCode", HOUSEHOLD_BUSINESS,
                "channel", "COUNTER", "applicant", applicant, "returnMethod", "ONLINE", "sets", 3));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("returnMethod").asText()).isEqualTo("ONLINE");
        assertThat(filed.json().get("sets").asInt()).isEqualTo(3);
        assertThat(filed.json().get("register").isNull()).isTrue();
    }

    @Test
    void anOfficersPhoneIsTheirsOrAnAdministratorsToSet() {
        Api other = anonymous.as("chuyenvien.thuanhoa", "demo");
        assertProblem(other.put("/api/officers/chuyenvien.taichinh/phone", Map.of("phone", "0905000000")), 403);
        assertProblem(other.get("/api/officers/chuyenvien.taichinh"), 403);
        assertProblem(anonymous.put("/api/officers/chuyenvien.taichinh/phone", Map.of("phone", "0905000000")), 401);
        Api admin = anonymous.as("demo", "demo");
        assertProblem(admin.get("/api/officers/nobody.here"), 404);
        for (String bad : List.of("abc", "12345", "0905\u0000123456", "0905 123 456 789 012 345")) {
            Api.Response refused = admin.put("/api/officers/chuyenvien.taichinh/phone", Map.of("phone", bad));
            assertProblem(refused, 400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("phone");
        }
        assertThat(admin.get("/api/officers/chuyenvien.taichinh").json().get("phone").asText()).isEqualTo("0234 3822 214");
        // an administrator sets anyone's
        assertThat(admin.put("/api/officers/tiepnhan.phuxuan/phone", Map.of("phone", "+84 234 3844 402")).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/officers/tiepnhan.phuxuan").json().get("phone").asText()).isEqualTo("+84 234 3844 402");
        assertThat(admin.put("/api/officers/tiepnhan.phuxuan/phone", Map.of("phone", "0234 3844 401")).status())
                .isEqualTo(200);
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
                "từ ngày 02/12/2025 đến ngày 02/12/2025", tuesday, "Hà Văn Sơn", "02/12/2025<br/>08:00", "Ngô Thị Thu")
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
        // narrow columns wrap inside words: compare without white space
        assertThat(pdfText(pdf.body()).replace(" ", "")).contains("SỔTHEODÕIHỒSƠ", "HàVănSơn", "LâmThị<b>Yến</b>");

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

    private long deadlinesOf(String code) {
        return deadlines.reappointments(code).get(0).getId();
    }

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

    /**
     * The PDF's text in the order it shows on the page, top to bottom (bold runs are written apart from the
     * line they are in, so {@link #pdfText} would tear a line with bold words apart; this one runs the two
     * columns of the heading and the cells of a table row into each other instead).
     */
    private static String pdfPageText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return sortedStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** Reads the text in the order it shows on the page. */
    private static org.apache.pdfbox.text.PDFTextStripper sortedStripper() throws java.io.IOException {
        org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper;
    }
}
