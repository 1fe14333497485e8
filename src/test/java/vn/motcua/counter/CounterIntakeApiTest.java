package vn.motcua.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.FaultInjection;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.WebappSession;
import vn.motcua.engine.Driver;
import vn.motcua.online.AttachmentProperties;

/**
 * The counter's intake ({@code /api/counter/**}, behind Tasklist's start form) over HTTP, as officers and as
 * attackers would use it: the dossier is filed by the same domain code as {@code POST /api/dossiers}, in its
 * receiving unit's tenant with the code as business key; only that unit's counter may receive; bad input answers
 * Vietnamese field messages and stores nothing; the engine itself never starts the intake process.
 */
@MotcuaTest
class CounterIntakeApiTest {

    static final String ENTERPRISE = "2.001610";
    static final String BIRTH = "1.001193";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired AttachmentProperties attachments;
    @Autowired Driver driver;

    @AfterEach
    void clear() {
        FaultInjection.FAIL_NEXT_DECISION.set(false);
        Staff.clear();
    }

    @Test
    void aCompleteDossierIsReceivedOnTheSpotInItsUnitsTenantWithItsScans() throws Exception {
        byte[] scan = pdf("giấy đề nghị");
        Response created = intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(0, 1, 2), "APPROVE", null),
                Part.file("scan.0", "giay-de-nghi.pdf", "application/pdf", scan),
                Part.file("scan.0", "giay-de-nghi-trang-2.png", "image/png", png()),
                Part.file("scan.1", "cccd.jpg", "image/jpeg", jpeg()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/dossiers/" + code);
        assertThat(created.json().get("statusCode").asInt()).isEqualTo(4);
        assertThat(created.json().get("appointmentDate").asText()).isNotBlank();
        assertThat(created.json().get("documents").get(0).get("href").asText())
                .isEqualTo("/api/dossiers/" + code + "/documents/01");

        // the normal lifecycle, in the receiving unit's tenant, bound to the dossier by its code
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("dossierLifecycle")
                .processInstanceBusinessKey(code).singleResult();
        assertThat(lifecycle.getTenantId()).isEqualTo("hcc");
        assertThat(driver.handling(code).getTenantId()).isEqualTo("sotaichinh");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("counterIntake").count())
                .isZero();

        JsonNode view = demo().get("/api/dossiers/" + code).json();
        assertThat(view.get("channel").asText()).isEqualTo("COUNTER");
        assertThat(view.get("history").findValuesAsText("actor")).containsOnly("tiepnhan.hcc");
        assertThat(view.get("history").findValues("statusCode").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 2, 4);
        assertThat(view.get("digitisedAt").isNull()).isFalse();
        assertThat(view.get("papers").findValues("received").stream().map(JsonNode::asBoolean).toList())
                .containsExactly(true, true, true);
        assertThat(view.get("papers").get(0).get("files").findValuesAsText("name"))
                .containsExactly("giay-de-nghi.pdf", "giay-de-nghi-trang-2.png");
        // stored as the online channel stores files: one row each, SHA-256, the bytes in the attachments folder
        Map<String, Object> row = jdbc.queryForMap("select * from attachment where dossier_code = ? and original_name = ?",
                code, "giay-de-nghi.pdf");
        assertThat(row.get("KIND")).isEqualTo("APPLICATION");
        assertThat(row.get("PAPER_POSITION")).isEqualTo(0);
        assertThat(row.get("UPLOADED_BY")).isEqualTo("tiepnhan.hcc");
        assertThat(row.get("SHA256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan)));
        assertThat(Files.readAllBytes(attachments.folder().resolve((String) row.get("STORED_NAME")))).isEqualTo(scan);
        // the same domain code as the JSON intake: the fields as filed
        assertThat(jdbc.queryForObject("select form_data from dossier where code = ?", String.class, code))
                .contains("\"enterpriseName\":\"Doanh nghiệp tư nhân Quầy\"");
    }

    @Test
    void theReturnMethodAndTheNumberOfSetsGivenAtTheCounterArePrintedOnFormOne() {
        Map<String, Object> posted = new LinkedHashMap<>(dossier(ENTERPRISE, List.of(0, 1, 2), "APPROVE", null));
        posted.put("returnMethod", "POST");
        posted.put("sets", 2);
        Response created = intake("tiepnhan.hcc", posted);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String form01 = demo().page("/api/dossiers/" + created.json().get("code").asText() + "/documents/01").body();
        assertThat(form01).contains("Số lượng hồ sơ: 02 (bộ)").contains("qua dịch vụ bưu chính công ích");

        posted.put("sets", 0);
        Response refused = intake("tiepnhan.hcc", posted);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errors(refused)).containsKey("sets");
    }

    @Test
    void anIncompleteDossierGetsFormTwoListingExactlyThePapersNotTicked() {
        Response created = intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(1), "SUPPLEMENT", "Mang bản gốc."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        assertThat(created.json().get("statusCode").asInt()).isEqualTo(5);
        assertThat(created.json().get("documents").get(0).get("form").asText()).isEqualTo("02");
        List<String> names = documents(ENTERPRISE);
        String form02 = demo().page("/api/dossiers/" + code + "/documents/02").body();
        assertThat(form02).contains(names.get(0)).contains(names.get(2)).doesNotContain(names.get(1))
                .contains("Mang bản gốc.");
        // the counter that asked records the supplement in Tasklist
        assertThat(driver.candidateGroups(driver.task(code, "Task_recordSupplement"))).containsExactly("hcc_reception");
    }

    @Test
    void aDossierOutOfScopeIsRefusedWithFormThree() {
        Response created = intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(), "REFUSE",
                "Đề nghị thuộc thẩm quyền của UBND phường."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        assertThat(created.json().get("statusCode").asInt()).isEqualTo(3);
        assertThat(demo().page("/api/dossiers/" + code + "/documents/03").body())
                .contains("Đề nghị thuộc thẩm quyền của UBND phường.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dossierLifecycle")
                .processInstanceBusinessKey(code).count()).isZero();
    }

    @Test
    void onlyTheReceivingUnitsCounterMayReceiveAndOnlyItsProcedures() {
        Stored before = Stored.now(jdbc, attachments.folder());
        // another unit's counter, a specialist, a leader, a supervisor: none receives the centre's procedure
        for (String user : List.of("tiepnhan.thuanhoa", "chuyenvien.taichinh", "lanhdao.taichinh", "giamsat.hcc",
                "giamsat.noivu")) {
            Response refused = intake(user, dossier(ENTERPRISE, List.of(0, 1, 2), "APPROVE", null),
                    Part.file("scan.0", "a.pdf", "application/pdf", pdf("a")));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        // a ward's counter may not receive another ward's procedure
        assertThat(intake("tiepnhan.phuxuan", dossier(BIRTH, List.of(0), "APPROVE", null)).status()).isEqualTo(403);
        before.assertNothingAdded();

        // each counter is offered its own unit's procedures only, the others none
        assertThat(procedureCodes("tiepnhan.thuanhoa")).contains(BIRTH).doesNotContain(ENTERPRISE);
        assertThat(procedureCodes("tiepnhan.hcc")).contains(ENTERPRISE).doesNotContain(BIRTH);
        assertThat(procedureCodes("chuyenvien.taichinh")).isEmpty();
        assertThat(procedureCodes("giamsat.noivu")).isEmpty();
    }

    @Test
    void anonymousCallersGet401() {
        Stored before = Stored.now(jdbc, attachments.folder());
        Response anonymous = send(null, "/api/counter/dossiers", List.of(Part.json("dossier",
                dossier(ENTERPRISE, List.of(0, 1, 2), "APPROVE", null))));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(Api.at(port).get("/api/counter/procedures").status()).isEqualTo(401);
        before.assertNothingAdded();
    }

    @Test
    void theEngineNeverStartsTheIntakeProcessWhateverTheCaller() {
        for (String user : List.of("tiepnhan.hcc", "demo")) {
            Api api = Api.at(port).as(user, "demo");
            for (String path : List.of("/engine-rest/process-definition/key/counterIntake/start",
                    "/engine-rest/process-definition/key/counterIntake/submit-form")) {
                Api.Response refused = api.post(path, Map.of("variables", Map.of(), "businessKey", "x"));
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body()).contains("Không được khởi tạo quy trình");
            }
        }
        // nor through the webapps' own engine API, which Tasklist's start dialog would use
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        WebappSession.Response viaTasklist = tasklist.post(
                "/camunda/api/engine/engine/default/process-definition/key/counterIntake/submit-form",
                "{\"variables\": {}}");
        assertThat(viaTasklist.status()).isEqualTo(403);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("counterIntake").count()).isZero();
        // what the counters see in "Start process": the intake form, and only they
        assertThat(startable("tiepnhan.hcc")).containsExactly("counterIntake");
        assertThat(startable("tiepnhan.thuanhoa")).containsExactly("counterIntake");
        assertThat(startable("chuyenvien.taichinh")).isEmpty();
        assertThat(startable("lanhdao.thuanhoa")).isEmpty();
        assertThat(startable("giamsat.noivu")).isEmpty();
    }

    @Test
    void badInputAnswersVietnameseFieldMessagesAndStoresNothing() {
        Stored before = Stored.now(jdbc, attachments.folder());
        Map<String, Object> bad = dossier(ENTERPRISE, List.of(0), null, null);
        bad.put("applicant", Map.of("fullName", " ", "idNumber", "12ab", "phone", "123", "email", "khong-phai-email",
                "address", ""));
        Response invalid = intake("tiepnhan.hcc", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        Map<String, String> errors = errors(invalid);
        assertThat(errors).containsEntry("applicant.fullName", "Họ và tên không được để trống.")
                .containsEntry("applicant.idNumber", "Số định danh cá nhân phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ).")
                .containsEntry("applicant.phone", "Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc +84912345678).")
                .containsEntry("applicant.email", "Địa chỉ email không hợp lệ.")
                .containsEntry("applicant.address", "Địa chỉ không được để trống.")
                .containsKey("decision");

        // what only the counter's form checks: the papers, the procedure's own fields, the scans, the decision
        Map<String, Object> wrong = dossier(ENTERPRISE, List.of(0, 7), "SUPPLEMENT", null);
        wrong.put("formData", Map.of("enterpriseName", "DNTN", "secret", "x"));
        Map<String, String> counterErrors = errors(intake("tiepnhan.hcc", wrong,
                Part.file("scan.2", "c.pdf", "application/pdf", pdf("c")),
                Part.file("virus", "v.pdf", "application/pdf", pdf("v"))));
        assertThat(counterErrors).containsEntry("receivedPapers", "Giấy tờ thứ 8 không có trong thành phần hồ sơ của thủ tục.")
                .containsEntry("formData.secret", "Thủ tục không có trường \"secret\".")
                .containsEntry("scan.2", "Có tệp quét cho giấy tờ thứ 3 nhưng giấy tờ này chưa được đánh dấu là đã nhận.")
                .containsKey("virus");
        assertThat(errors(intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(0, 1, 2), "SUPPLEMENT", " "))))
                .containsEntry("note", "Yêu cầu bổ sung: hãy bỏ đánh dấu giấy tờ còn thiếu hoặc ghi rõ nội dung cần bổ sung.");
        assertThat(errors(intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(), "REFUSE", null))))
                .containsEntry("note", "Từ chối tiếp nhận: hãy ghi rõ lý do (in trên Phiếu từ chối, Mẫu 03).");
        assertThat(intake("tiepnhan.hcc", dossier("9.999999", List.of(), "APPROVE", null)).status()).isEqualTo(422);
        before.assertNothingAdded();
    }

    @Test
    void controlCharactersHugeAndDisguisedFilesAreRefusedAndNothingIsStored() {
        Stored before = Stored.now(jdbc, attachments.folder());
        Map<String, Object> nul = dossier(ENTERPRISE, List.of(0), "APPROVE", null);
        Map<String, Object> applicant = new HashMap<>(applicant());
        applicant.put("fullName", "Trần\u0000Văn");
        nul.put("applicant", applicant);
        Response withNul = intake("tiepnhan.hcc", nul);
        assertThat(withNul.status()).isEqualTo(400);
        assertThat(errors(withNul).get("applicant.fullName")).contains("U+0000");
        Map<String, Object> rlo = dossier(ENTERPRISE, List.of(0), "SUPPLEMENT", "Thiếu\u202Egpj.exe");
        assertThat(errors(intake("tiepnhan.hcc", rlo))).containsKey("note");

        Map<String, Object> fine = dossier(ENTERPRISE, List.of(0, 1), "SUPPLEMENT", null);
        Response disguised = intake("tiepnhan.hcc", fine, Part.file("scan.0", "giay-to.pdf", "application/pdf", exe()));
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(errors(disguised).get("scan.0[0]")).contains("giay-to.pdf");
        byte[] huge = new byte[(int) attachments.maxFileSize().toBytes() + 1];
        System.arraycopy(pdf("lớn"), 0, huge, 0, 20);
        Response tooLarge = intake("tiepnhan.hcc", fine, Part.file("scan.1", "lon.pdf", "application/pdf", huge));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        Response badName = intake("tiepnhan.hcc", fine, Part.file("scan.0", "a\u202Efdp.exe", "application/pdf", pdf("x")));
        assertThat(badName.status()).isEqualTo(400);
        before.assertNothingAdded();
    }

    @Test
    void aFailureAfterTheDecisionLeavesNoDossierNoFileNoProcess() {
        Stored before = Stored.now(jdbc, attachments.folder());
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("dossierLifecycle").count();
        FaultInjection.FAIL_NEXT_DECISION.set(true);
        Response failed = intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(0, 1, 2), "APPROVE", null),
                Part.file("scan.0", "a.pdf", "application/pdf", pdf("a")));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.body()).doesNotContain("injected").doesNotContain("Exception");
        before.assertNothingAdded();
        assertThat(jdbc.queryForObject("select count(*) from dossier_paper", Long.class))
                .isEqualTo(before.papers);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("dossierLifecycle").count())
                .isEqualTo(instances);
    }

    @Test
    void tasklistsSessionWritesOnlyWithItsCsrfTokenAndOnlyTheCountersRequests() throws Exception {
        Stored before = Stored.now(jdbc, attachments.folder());
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        tasklist.open("tasklist"); // the page after the login, which gives the new session its CSRF token
        Multipart body = Multipart.of(List.of(Part.json("dossier", dossier(ENTERPRISE, List.of(0, 1, 2), "APPROVE",
                null))));
        // the cookie alone, as another site's page would send it: no session
        assertThat(tasklist.postMultipart("/api/counter/dossiers", body.contentType(), body.bytes(), null).status())
                .isEqualTo(401);
        assertThat(tasklist.postMultipart("/api/counter/dossiers", body.contentType(), body.bytes(), "not-the-token")
                .status()).isEqualTo(401);
        before.assertNothingAdded();
        // writes the counter's page does not make keep needing HTTP Basic, token or not
        assertThat(tasklist.post("/api/dossiers", JSON.writeValueAsString(Map.of("procedureCode", ENTERPRISE,
                "channel", "COUNTER", "applicant", applicant()))).status()).isEqualTo(401);
        before.assertNothingAdded();
        // with its token, as Tasklist's page sends it
        WebappSession.Response created = tasklist.postMultipart("/api/counter/dossiers", body.contentType(),
                body.bytes(), tasklist.csrf());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = JSON.readTree(created.body()).get("code").asText();
        assertThat(demo().get("/api/dossiers/" + code).json().get("history").get(0).get("actor").asText())
                .isEqualTo("tiepnhan.hcc");
        // logged out: the session writes nothing
        tasklist.logout();
        assertThat(tasklist.postMultipart("/api/counter/dossiers", body.contentType(), body.bytes(), tasklist.csrf())
                .status()).isEqualTo(401);
    }

    @Test
    void scansOfASupplementAndTheResultGoToTheirDossierAndShowInItsOpenTasks() {
        String code = intake("tiepnhan.hcc", dossier(ENTERPRISE, List.of(0), "SUPPLEMENT", null)).json().get("code")
                .asText();
        // only while the supplement is awaited, only the counter (or the unit's specialists), only known papers
        assertThat(post("tiepnhan.thuanhoa", "/api/dossiers/" + code + "/supplement/files?paper=1",
                Part.file("files", "b.pdf", "application/pdf", pdf("b"))).status()).isEqualTo(403);
        assertThat(post("tiepnhan.hcc", "/api/dossiers/" + code + "/supplement/files?paper=9",
                Part.file("files", "b.pdf", "application/pdf", pdf("b"))).status()).isEqualTo(400);
        Response scanned = post("tiepnhan.hcc", "/api/dossiers/" + code + "/supplement/files?paper=1",
                Part.file("files", "ban-sao-cccd.pdf", "application/pdf", pdf("b")));
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(201);
        assertThat(scanned.json().get(0).get("paper").asInt()).isEqualTo(1);
        // the open task's panel shows it without reopening
        String recordTask = driver.task(code, "Task_recordSupplement").getId();
        assertThat(forms.getTaskFormVariables(recordTask).get("dossierPanel").toString()).contains("ban-sao-cccd.pdf");

        Staff.actAs("tiepnhan.hcc", "hcc_reception");
        driver.complete(code, "Task_recordSupplement", null, null);
        assertThat(post("tiepnhan.hcc", "/api/dossiers/" + code + "/supplement/files",
                Part.file("files", "c.pdf", "application/pdf", pdf("c"))).status()).isEqualTo(409);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        Staff.actAs("chuyenvien.taichinh", "sotaichinh_specialists");
        driver.complete(code, "Task_appraise", "APPROVE", "Đạt");
        Staff.actAs("lanhdao.taichinh", "sotaichinh_leaders");
        driver.complete(code, "Task_approve", "APPROVE", null);
        Staff.clear();

        Response result = post("tiepnhan.hcc", "/api/dossiers/" + code + "/result",
                Part.file("file", "giay-chung-nhan.pdf", "application/pdf", pdf("kq")));
        assertThat(result.status()).as(result.body()).isEqualTo(201);
        String returnTask = driver.task(code, "Task_returnResult").getId();
        assertThat(forms.getTaskFormVariables(returnTask).get("dossierPanel").toString()).contains("giay-chung-nhan.pdf")
                .contains("Kết quả điện tử");
    }

    // --- requests

    private Api demo() {
        return Api.at(port).as("demo", "demo");
    }

    private Response intake(String user, Map<String, Object> dossier, Part... scans) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.json("dossier", dossier));
        parts.addAll(Arrays.asList(scans));
        return send(user, "/api/counter/dossiers", parts);
    }

    private Response post(String user, String path, Part... parts) {
        return send(user, path, List.of(parts));
    }

    private List<String> procedureCodes(String user) {
        return Api.at(port).as(user, "demo").get("/api/counter/procedures").json().findValuesAsText("code").stream()
                .filter(code -> code.matches("[0-9A-Z.-]+")).distinct().toList();
    }

    private List<String> startable(String user) {
        return Api.at(port).as(user, "demo")
                .get("/engine-rest/process-definition?latest=true&startableInTasklist=true&startablePermissionCheck=true")
                .json().findValuesAsText("key");
    }

    private List<String> documents(String procedure) {
        return demo().get("/api/procedures/" + procedure).json().get("documents").findValuesAsText("name");
    }

    static Map<String, Object> dossier(String procedure, List<Integer> received, String decision, String note) {
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("procedureCode", procedure);
        dossier.put("applicant", applicant());
        dossier.put("formData", ENTERPRISE.equals(procedure)
                ? Map.of("enterpriseName", "Doanh nghiệp tư nhân Quầy", "request", "Cấp trong ngày nếu được")
                : Map.of("childName", "Nguyễn Thị An"));
        dossier.put("receivedPapers", received);
        dossier.put("decision", decision);
        dossier.put("note", note);
        return dossier;
    }

    static Map<String, Object> applicant() {
        return Map.of("fullName", "Trần Văn Quầy", "idNumber", "046090007777", "phone", "0905777888",
                "email", "quay@example.com", "address", "25 Lê Lợi, phường Thuận Hóa, Huế");
    }

    private static Map<String, String> errors(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        Map<String, String> errors = new LinkedHashMap<>();
        response.json().get("errors").forEach(e -> errors.merge(e.get("field").asText(), e.get("message").asText(),
                (a, b) -> a + " " + b));
        return errors;
    }

    private Response send(String user, String path, List<Part> parts) {
        Multipart body = Multipart.of(parts);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- files

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static byte[] jpeg() {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        return bytes;
    }

    /** The start of a Windows program (an "MZ" header), named as a PDF. */
    static byte[] exe() {
        byte[] bytes = new byte[256];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return bytes;
    }

    record Part(String name, String filename, String contentType, byte[] bytes) {

        static Part json(String name, Object value) {
            try {
                return new Part(name, null, "application/json", JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Part file(String name, String filename, String contentType, byte[] bytes) {
            return new Part(name, filename, contentType, bytes);
        }
    }

    record Multipart(String contentType, byte[] bytes) {

        static Multipart of(List<Part> parts) {
            String boundary = "----motcua" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Part part : parts) {
                write(body, "--" + boundary + "\r\n");
                write(body, "Content-Disposition: form-data; name=\"" + part.name() + "\""
                        + (part.filename() != null ? "; filename=\"" + part.filename() + "\"" : "") + "\r\n");
                write(body, "Content-Type: " + part.contentType() + "\r\n\r\n");
                body.writeBytes(part.bytes());
                write(body, "\r\n");
            }
            write(body, "--" + boundary + "--\r\n");
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        private static void write(ByteArrayOutputStream out, String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, java.net.http.HttpHeaders headers, byte[] raw) {

        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body(), e);
            }
        }
    }

    /** What is stored now (dossiers, attachments, papers, files in the folder), to show a refusal added none. */
    record Stored(JdbcTemplate jdbc, Path folder, long dossiers, long attachments, long papers, long files) {

        static Stored now(JdbcTemplate jdbc, Path folder) {
            return new Stored(jdbc, folder, count(jdbc, "dossier"), count(jdbc, "attachment"),
                    count(jdbc, "dossier_paper"), files(folder));
        }

        void assertNothingAdded() {
            assertThat(count(jdbc, "dossier")).as("dossiers").isEqualTo(dossiers);
            assertThat(count(jdbc, "attachment")).as("attachments").isEqualTo(attachments);
            assertThat(count(jdbc, "dossier_paper")).as("papers").isEqualTo(papers);
            assertThat(files(folder)).as("files in the attachments folder").isEqualTo(files);
        }

        private static long count(JdbcTemplate jdbc, String table) {
            return jdbc.queryForObject("select count(*) from " + table, Long.class);
        }

        private static long files(Path folder) {
            if (!Files.isDirectory(folder)) {
                return 0;
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.count();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
