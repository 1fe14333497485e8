package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.FaultInjection;
import vn.motcua.MotcuaTest;

/**
 * {@code Idempotency-Key} on the two requests that create dossiers, over HTTP: a repeat answers the first dossier,
 * never files a second; another request under the same key is refused; the key is bound to the officer; two
 * identical requests at the same moment make one dossier; a failed filing leaves its key free. Each test counts the
 * dossiers of an applicant name of its own, straight from the table.
 */
@MotcuaTest
class IdempotencyKeyTest {

    static final String ENTERPRISE = "2.001610";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    static Map<String, Object> intake(String name, String enterprise) {
        return Map.of("procedureCode", ENTERPRISE, "channel", "COUNTER",
                "applicant", Map.of("fullName", name, "idNumber", "046090001234", "phone", "0905123456",
                        "email", "citizen@example.com", "address", "10 Lê Lợi, phường Thuận Hóa, Huế"),
                "formData", Map.of("enterpriseName", enterprise));
    }

    long dossiersOf(String name) {
        return jdbc.queryForObject("select count(*) from dossier where applicant_full_name = ?", Long.class, name);
    }

    static String name() {
        return "Nguyễn Văn " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRepeatedCounterIntakeAnswersTheFirstDossier() {
        String name = name();
        String key = UUID.randomUUID().toString();
        Api officer = Api.at(port).as("tiepnhan.hcc", "demo").with("Idempotency-Key", key);
        Api.Response first = officer.post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String code = first.json().get("code").asText();
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        // the answer was lost: the same request again, the same key
        Api.Response again = officer.post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.json().get("applicant").get("fullName").asText()).isEqualTo(name);
        assertThat(again.headers().firstValue("Location")).contains("/api/dossiers/" + code);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(dossiersOf(name)).isOne();
        // a key-less request is a new dossier, as before
        Api.Response withoutKey = Api.at(port).as("tiepnhan.hcc", "demo").post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        assertThat(withoutKey.json().get("code").asText()).isNotEqualTo(code);
        assertThat(dossiersOf(name)).isEqualTo(2);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String name = name();
        String key = UUID.randomUUID().toString();
        Api officer = Api.at(port).as("tiepnhan.hcc", "demo").with("Idempotency-Key", key);
        assertThat(officer.post("/api/dossiers", intake(name, "DNTN Sông Hương")).status()).isEqualTo(201);
        Api.Response other = officer.post("/api/dossiers", intake(name, "DNTN Sông Hàn"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asText()).startsWith("Idempotency-Key này đã được dùng cho một yêu cầu khác");
        assertThat(other.body()).doesNotContain(name);
        assertThat(dossiersOf(name)).isOne();
    }

    @Test
    void aKeyIsBoundToTheOfficerWhoSentIt() {
        String name = name();
        String key = UUID.randomUUID().toString();
        Api.Response counter = Api.at(port).as("tiepnhan.hcc", "demo").with("Idempotency-Key", key)
                .post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        Api.Response admin = Api.at(port).as("demo", "demo").with("Idempotency-Key", key)
                .post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        assertThat(admin.status()).isEqualTo(201);
        assertThat(admin.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(admin.json().get("code").asText()).isNotEqualTo(counter.json().get("code").asText());
        assertThat(dossiersOf(name)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefusedWithoutFilingAnything() {
        String name = name();
        for (String key : List.of("short", "x".repeat(129), "khoa/co/gach/cheo", "a b c d e f g h", "key;drop;table")) {
            Api.Response refused = Api.at(port).as("tiepnhan.hcc", "demo").with("Idempotency-Key", key)
                    .post("/api/dossiers", intake(name, "DNTN Sông Hương"));
            assertThat(refused.status()).as(key).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).startsWith("Idempotency-Key không hợp lệ");
        }
        assertThat(dossiersOf(name)).isZero();
    }

    @Test
    void twoIdenticalRequestsAtTheSameMomentFileOneDossier() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = name();
            Api officer = Api.at(port).as("tiepnhan.hcc", "demo").with("Idempotency-Key", UUID.randomUUID().toString());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Api.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> {
                        start.await();
                        return officer.post("/api/dossiers", intake(name, "DNTN Sông Hương"));
                    });
                }
                List<Future<Api.Response>> answers = new ArrayList<>();
                calls.forEach(c -> answers.add(pool.submit(c)));
                start.countDown();
                List<String> codes = new ArrayList<>();
                for (Future<Api.Response> answer : answers) {
                    Api.Response response = answer.get();
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    codes.add(response.json().get("code").asText());
                }
                assertThat(codes).as("round %d", round).containsOnly(codes.get(0));
                assertThat(dossiersOf(name)).isOne();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFilingThatFailedLeavesItsKeyFreeForTheRetry() {
        String name = name();
        Api officer = Api.at(port).as("tiepnhan.hcc", "demo").with("Idempotency-Key", UUID.randomUUID().toString());
        FaultInjection.FAIL_NEXT_START.set(true);
        Api.Response failed = officer.post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(dossiersOf(name)).isZero();
        Api.Response retried = officer.post("/api/dossiers", intake(name, "DNTN Sông Hương"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(dossiersOf(name)).isOne();
    }

    @Test
    void aRepeatedOnlineFilingAnswersOnlyWhatTheFirstAnswerSaid() {
        String name = name();
        String key = UUID.randomUUID().toString();
        Map<String, Object> filing = Samples.filing(Samples.BIRTH, name);
        PublicClient citizen = PublicClient.at(port).with("Idempotency-Key", key);
        byte[] pdf = Samples.pdf("giấy chứng sinh");
        PublicClient.Response first = citizen.file(filing, PublicClient.Part.file("giay-chung-sinh.pdf", "application/pdf", pdf));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String code = first.json().get("code").asText();

        // the same filing again, from another address (the phone changed networks)
        PublicClient.Response again = PublicClient.at(port).with("Idempotency-Key", key)
                .file(filing, PublicClient.Part.file("giay-chung-sinh.pdf", "application/pdf", pdf));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(dossiersOf(name)).isOne();

        // the key alone is no way into someone's dossier: another file, or another applicant, is refused
        PublicClient.Response otherFile = PublicClient.at(port).with("Idempotency-Key", key)
                .file(filing, PublicClient.Part.file("giay-chung-sinh.pdf", "application/pdf", Samples.pdf("khác")));
        Map<String, Object> stranger = new HashMap<>(Samples.filing(Samples.BIRTH, "Kẻ Lạ Mặt"));
        PublicClient.Response otherApplicant = PublicClient.at(port).with("Idempotency-Key", key)
                .file(stranger, PublicClient.Part.file("giay-chung-sinh.pdf", "application/pdf", pdf));
        for (PublicClient.Response refused : List.of(otherFile, otherApplicant)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("detail").asText()).startsWith("Idempotency-Key này đã được dùng");
            assertThat(refused.body()).doesNotContain(code).doesNotContain(name);
        }
        assertThat(dossiersOf(name)).isOne();
        assertThat(dossiersOf("Kẻ Lạ Mặt")).isZero();
    }
}
