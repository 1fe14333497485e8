package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaTest;

/**
 * Inputs that used to answer 500 or Spring's default JSON: each is a 4xx {@code application/problem+json}
 * with a Vietnamese detail (the citizens' pages: their own error page), and nothing is stored.
 */
@MotcuaTest
class BadRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    StoredRows before;

    @BeforeEach
    void counts() {
        before = StoredRows.now(jdbc);
    }

    void nothingStored() {
        before.assertNothingAdded();
    }

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    Answer send(String method, String path, String contentType, byte[] body, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header("X-Forwarded-For", "198.19." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request written by hand on a socket, for what HttpClient will not send; answers the status line and the rest. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void problem(Answer answer, int... statuses) {
        assertThat(answer.status()).as(answer.body()).isIn(java.util.Arrays.stream(statuses).boxed().toList());
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("status").asInt()).isEqualTo(answer.status());
        assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(answer.body()).doesNotContain("trace").doesNotContain("org.springframework");
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart body: the dossier as JSON, then one PDF with that file name (raw bytes: a NUL is sent as NUL). */
    static byte[] multipart(String boundary, Object dossier, String fileField, String fileName, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (dossier != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dossier\"\r\n"
                    + "Content-Type: application/json\r\n\r\n");
            body.writeBytes(json(dossier));
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"");
        body.writeBytes(fileName.getBytes(StandardCharsets.UTF_8));
        write(body, "\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> intake() {
        Map<String, Object> filing = new java.util.HashMap<>(Samples.filing(Samples.ENTERPRISE, "Võ Thị Cúc"));
        filing.put("channel", "COUNTER");
        return filing;
    }

    @Test
    void wildcardContentTypesOnTheIntakeAre415() {
        for (String type : List.of("*/*", "application/*", "*/json", "nonsense", "application/")) {
            Answer answer = send("POST", "/api/dossiers", type, json(intake()), "tiepnhan.hcc");
            problem(answer, 400, 415);
        }
        nothingStored();
    }

    @Test
    void aNulInAFileNameIs400Everywhere() {
        String boundary = "----motcua" + UUID.randomUUID();
        String type = "multipart/form-data; boundary=" + boundary;
        byte[] pdf = Samples.pdf("giấy tờ");
        String name = "giay\u0000to.pdf";
        problem(send("POST", "/api/public/dossiers", type,
                multipart(boundary, Samples.filing(Samples.BIRTH, "Nguyễn Văn Nul"), "files", name, pdf), null), 400);
        nothingStored();
        // a dossier to address the other uploads to
        PublicClient citizen = PublicClient.at(port);
        String code = citizen.file(Samples.filing(Samples.BIRTH, "Nguyễn Văn Tệp")).json().get("code").asText();
        before = StoredRows.now(jdbc);
        problem(send("POST", "/api/public/dossiers/" + code + "/supplement?idNumber=" + Samples.ID_NUMBER, type,
                multipart(boundary, null, "files", name, pdf), null), 400, 409);
        problem(send("POST", "/api/dossiers/" + code + "/result", type, multipart(boundary, null, "file", name, pdf),
                "demo"), 400, 409);
        nothingStored();
    }

    @Test
    void aNulInAFileNameOnTheFilingPageIsTheFormAgain() {
        String boundary = "----motcua" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : Map.of("fullName", "Nguyễn Văn Nul", "idNumber", Samples.ID_NUMBER,
                "phone", "0914555666", "address", "12 Nguyễn Huệ").entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        body.writeBytes(multipart(boundary, null, "files", "giay\u0000to.pdf", Samples.pdf("x")));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/nop-ho-so/" + Samples.BIRTH))
                .header("Accept", "text/html").header("X-Forwarded-For", "198.19.250.7")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(response.body()).contains("</html>").doesNotContain("Exception");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        nothingStored();
    }

    @Test
    void brokenMultipartIs400() {
        String boundary = "----motcua" + UUID.randomUUID();
        byte[] whole = multipart(boundary, Samples.filing(Samples.BIRTH, "Nguyễn Văn Gãy"), "files", "a.pdf", Samples.pdf("x"));
        // no boundary parameter
        problem(send("POST", "/api/public/dossiers", "multipart/form-data", whole, null), 400, 415);
        // cut short
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        problem(send("POST", "/api/public/dossiers", "multipart/form-data; boundary=" + boundary, cut, null), 400);
        // not multipart at all under a multipart type
        problem(send("POST", "/api/public/dossiers", "multipart/form-data; boundary=" + boundary,
                "{\"procedureCode\":\"x\"}".getBytes(StandardCharsets.UTF_8), null), 400);
        nothingStored();
    }

    @Test
    void aFiftyMegabyteFileIs413() {
        String boundary = "----motcua" + UUID.randomUUID();
        byte[] big = Samples.pdfOfSize(50 * 1024 * 1024);
        problem(send("POST", "/api/public/dossiers", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, Samples.filing(Samples.BIRTH, "Nguyễn Văn Lớn"), "files", "lon.pdf", big), null), 413);
        nothingStored();
    }

    @Test
    void aTwoThousandCharacterFileNameIsRefusedOrShortened() {
        String boundary = "----motcua" + UUID.randomUUID();
        String name = "giấy-tờ-".repeat(250) + ".pdf";
        Answer answer = send("POST", "/api/public/dossiers", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, Samples.filing(Samples.BIRTH, "Nguyễn Văn Dài"), "files", name, Samples.pdf("x")), null);
        if (answer.status() == 201) {
            // kept, under a name no longer than the column
            assertThat(answer.json().get("files").get(0).get("name").asText().length()).isLessThanOrEqualTo(255);
        } else {
            // Tomcat bounds a part's headers (maxPartHeaderSize): such a name is over them
            problem(answer, 400, 413);
            nothingStored();
        }
    }

    @Test
    void aRefusedPathIs400ProblemJson() throws IOException {
        problem(send("GET", "/engine-rest;x=1/task", null, null, "demo"), 400);
        problem(send("GET", "/api;x=1/dossiers", null, null, "demo"), 400);
        problem(send("GET", "/api/dossiers/%2e%2e/x", null, null, "demo"), 400);
        // what Tomcat refuses itself, and encoded slashes
        problem(send("GET", "/api/dossiers/x%00", null, null, "demo"), 400);
        problem(send("GET", "/engine-rest/task%2F..%2Fuser", null, null, "demo"), 400);
        problem(send("GET", "/api/dossiers/..%5C..%5Cx", null, null, "demo"), 400);
        // the citizens' pages answer their page
        for (String path : List.of("/tra-cuu;jsessionid=x;x=1", "/tra-cuu%00", "/nop-ho-so/%2F..%2Fx")) {
            Answer page = send("GET", path, null, null, null);
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("</html>").contains("Địa chỉ yêu cầu không hợp lệ");
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblemJson() {
        problem(send("GET", "/api/no-such-thing", null, null, "demo"), 404);
        problem(send("GET", "/no-such-thing", null, null, null), 404);
        problem(send("DELETE", "/api/procedures", null, null, "demo"), 405);
    }
}
