package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.online.PublicClient.Part;

/**
 * The online channel end to end over HTTP: a citizen files online, the counter receives the dossier
 * through the engine REST API (as Tasklist does), the unit handles it, staff add the electronic
 * result, and the citizen follows every change and downloads the result. Also the supplement paths.
 */
@MotcuaTest
class OnlineEndToEndTest {

    @LocalServerPort int port;

    PublicClient citizen;
    Api counter;
    Api specialist;
    Api leader;
    /** The counter's officer, for multipart uploads. */
    PublicClient counterUploads;

    @BeforeEach
    void clients() {
        citizen = PublicClient.at(port);
        Api anonymous = Api.at(port);
        counter = anonymous.as("tiepnhan.thuanhoa", "demo");
        specialist = anonymous.as("chuyenvien.thuanhoa", "demo");
        leader = anonymous.as("lanhdao.thuanhoa", "demo");
        counterUploads = PublicClient.at(port).as("tiepnhan.thuanhoa", "demo");
    }

    @Test
    void filedOnlineReceivedAtTheCounterHandledAndTheCitizenDownloadsTheElectronicResult() {
        PublicClient.Response filed = citizen.file(Samples.filing(Samples.BIRTH, "Hoàng Văn Điện Tử"),
                Part.file("giay-chung-sinh.pdf", "application/pdf", Samples.pdf("giấy chứng sinh")));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String code = filed.json().get("code").asText();
        JsonNode fresh = citizen.lookUp(code, Samples.ID_NUMBER).json();
        assertThat(fresh.get("statusCode").asInt()).isEqualTo(1);
        assertThat(fresh.get("appointmentDate").isNull()).isTrue();

        // the ward's counter receives it, as in Tasklist
        complete(counter, code, "Task_receptionCheck", Map.of("decision", "APPROVE"));
        JsonNode received = citizen.lookUp(code, Samples.ID_NUMBER).json();
        assertThat(received.get("statusCode").asInt()).isEqualTo(4);
        assertThat(received.get("statusLabel").asText()).isEqualTo("Đang xử lý");
        assertThat(received.get("appointmentDate").asText()).endsWith("+07:00");
        assertThat(received.get("receivedAt").isNull()).isFalse();
        assertThat(statusCodes(received)).containsExactly(1, 2, 4);

        // no result before handling is done
        assertThat(addResult(counterUploads, code, "ket-qua.pdf", "application/pdf", Samples.pdf("trích lục")).status())
                .isEqualTo(409);
        assertThat(citizen.result(code, Samples.ID_NUMBER).status()).isEqualTo(404);

        complete(specialist, code, "Task_appraise", Map.of("decision", "APPROVE", "note", "Hồ sơ hợp lệ, nội bộ"));
        complete(leader, code, "Task_approve", Map.of("decision", "APPROVE"));
        JsonNode done = citizen.lookUp(code, Samples.ID_NUMBER).json();
        assertThat(done.get("statusCode").asInt()).isEqualTo(9);
        assertThat(done.get("statusLabel").asText()).isEqualTo("Đã xử lý xong");
        assertThat(done.get("result").isNull()).isTrue();
        // internal notes stay internal
        assertThat(done.toString()).doesNotContain("nội bộ").doesNotContain("chuyenvien");

        // staff add the electronic result: only staff of the dossier's units, only a real PDF, JPEG or PNG
        PublicClient.Response otherUnit = addResult(PublicClient.at(port).as("tiepnhan.phuxuan", "demo"), code, "ket-qua.pdf",
                "application/pdf", Samples.pdf("x"));
        assertThat(otherUnit.status()).isEqualTo(403);
        assertThat(PublicClient.at(port).multipart("/api/dossiers/" + code + "/result",
                List.of(Part.file("file", "ket-qua.pdf", "application/pdf", Samples.pdf("x")))).status()).isEqualTo(401);
        PublicClient.Response disguised = addResult(counterUploads, code, "ket-qua.pdf", "application/pdf", Samples.exe());
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.json().get("detail").asText()).contains("ket-qua.pdf");
        byte[] result = Samples.pdf("Trích lục khai sinh bản điện tử");
        PublicClient.Response added = addResult(counterUploads, code, "trich-luc-khai-sinh.pdf", "application/pdf", result);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("kind").asText()).isEqualTo("RESULT");

        JsonNode withResult = citizen.lookUp(code, Samples.ID_NUMBER).json();
        assertThat(withResult.get("result").get("name").asText()).isEqualTo("trich-luc-khai-sinh.pdf");
        PublicClient.Response download = citizen.result(code, Samples.ID_NUMBER);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(result);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("trich-luc-khai-sinh.pdf");
        assertThat(citizen.result(code, "046195009999").status()).isEqualTo(404);

        // the look-up page shows the same, and its button downloads the result
        PublicClient.Response page = citizen.form("/tra-cuu", "code", code, "idNumber", Samples.ID_NUMBER);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Đã xử lý xong").contains("Tải kết quả: trich-luc-khai-sinh.pdf")
                .contains("Hẹn trả kết quả").doesNotContain("nội bộ");
        PublicClient.Response pageDownload = citizen.form("/tra-cuu/ket-qua", "code", code, "idNumber", Samples.ID_NUMBER);
        assertThat(pageDownload.status()).isEqualTo(200);
        assertThat(pageDownload.bytes()).isEqualTo(result);

        // the counter returns the result electronically: status 10, still downloadable
        complete(counter, code, "Task_returnResult", Map.of("returnMethod", "ONLINE"));
        JsonNode returned = citizen.lookUp(code, Samples.ID_NUMBER).json();
        assertThat(returned.get("statusCode").asInt()).isEqualTo(10);
        assertThat(statusCodes(returned)).containsExactly(1, 2, 4, 9, 10);
        assertThat(citizen.result(code, Samples.ID_NUMBER).bytes()).isEqualTo(result);
    }

    @Test
    void aSupplementRequestedAtReceptionIsSentOnlineAndTheDossierGoesBackToTheCounter() {
        String code = citizen.file(Samples.filing(Samples.BIRTH, "Kiều Thị Bổ Sung"),
                Part.file("to-khai.pdf", "application/pdf", Samples.pdf("tờ khai"))).json().get("code").asText();
        assertThat(citizen.supplement(code, Samples.ID_NUMBER, Part.file("a.pdf", "application/pdf", Samples.pdf("a")))
                .status()).isEqualTo(409);

        complete(counter, code, "Task_receptionCheck",
                Map.of("decision", "SUPPLEMENT", "note", "Thiếu Giấy chứng sinh (bản chính)."));
        JsonNode waiting = citizen.lookUp(code, Samples.ID_NUMBER).json();
        assertThat(waiting.get("statusCode").asInt()).isEqualTo(5);
        assertThat(waiting.get("missing").asText()).isEqualTo("Thiếu Giấy chứng sinh (bản chính).");
        assertThat(waiting.get("canSupplement").asBoolean()).isTrue();
        assertThat(waiting.get("timeline").get(1).get("note").asText()).isEqualTo("Thiếu Giấy chứng sinh (bản chính).");

        PublicClient.Response none = citizen.supplement(code, Samples.ID_NUMBER);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("detail").asText()).isEqualTo("Cần đính kèm ít nhất một tệp (PDF, JPEG hoặc PNG).");
        assertThat(citizen.supplement(code, Samples.ID_NUMBER, Part.file("giay-chung-sinh.pdf", "application/pdf",
                Samples.exe())).status()).isEqualTo(415);
        assertThat(citizen.lookUp(code, Samples.ID_NUMBER).json().get("statusCode").asInt()).isEqualTo(5);

        PublicClient.Response sent = citizen.supplement(code, Samples.ID_NUMBER,
                Part.file("giay-chung-sinh.jpg", "image/jpeg", Samples.jpeg()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("statusCode").asInt()).isEqualTo(1);
        assertThat(sent.json().get("missing").isNull()).isTrue();
        JsonNode staffView = counter.get("/api/dossiers/" + code).json();
        assertThat(staffView.get("tasks").get(0).get("step").asText()).isEqualTo("Task_receptionCheck");
        JsonNode last = staffView.get("history").get(staffView.get("history").size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo("citizen");
        List<String> kinds = new ArrayList<>();
        staffView.get("attachments").forEach(a -> kinds.add(a.get("kind").asText()));
        assertThat(kinds).containsExactly("APPLICATION", "SUPPLEMENT");
        assertThat(citizen.supplement(code, Samples.ID_NUMBER, Part.file("a.pdf", "application/pdf", Samples.pdf("a")))
                .status()).isEqualTo(409);
    }

    @Test
    void aSupplementRequestedDuringHandlingIsSentFromTheLookupPageAndTheAppraisalResumes() {
        String code = citizen.file(Samples.filing(Samples.BIRTH, "Lâm Văn Thẩm Định")).json().get("code").asText();
        complete(counter, code, "Task_receptionCheck", Map.of("decision", "APPROVE"));
        complete(specialist, code, "Task_appraise", Map.of("decision", "SUPPLEMENT", "note", "Bổ sung văn bản ủy quyền."));

        PublicClient.Response page = citizen.form("/tra-cuu", "code", code, "idNumber", Samples.ID_NUMBER);
        assertThat(page.body()).contains("Cần bổ sung hồ sơ").contains("Bổ sung văn bản ủy quyền.")
                .contains("action=\"/tra-cuu/bo-sung\"");
        PublicClient.Response sent = citizen.multipart("/tra-cuu/bo-sung", List.of(Part.text("code", code),
                Part.text("idNumber", Samples.ID_NUMBER),
                Part.file("uy-quyen.png", "image/png", Samples.png())));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Đã gửi hồ sơ bổ sung").contains("Đang xử lý").contains("uy-quyen.png");
        JsonNode staffView = specialist.get("/api/dossiers/" + code).json();
        assertThat(staffView.get("statusCode").asInt()).isEqualTo(4);
        assertThat(staffView.get("tasks").get(0).get("step").asText()).isEqualTo("Task_appraise");
    }

    private void complete(Api officer, String code, String step, Map<String, Object> variables) {
        JsonNode tasks = officer.get("/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + step)
                .json();
        assertThat(tasks).as("open %s of %s", step, code).hasSize(1);
        Map<String, Object> values = new java.util.HashMap<>();
        variables.forEach((k, v) -> values.put(k, Map.of("value", v)));
        Api.Response completed = officer.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                Map.of("variables", values));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    private static PublicClient.Response addResult(PublicClient officer, String code, String name, String type,
            byte[] bytes) {
        return officer.multipart("/api/dossiers/" + code + "/result", List.of(Part.file("file", name, type, bytes)));
    }

    private static List<Integer> statusCodes(JsonNode view) {
        List<Integer> codes = new ArrayList<>();
        view.get("timeline").forEach(e -> codes.add(e.get("statusCode").asInt()));
        return codes;
    }
}
