package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.MotcuaTest;
import vn.motcua.WebappSession;

/**
 * Password guessing from one address is throttled on every login path, and never keeps the real user out: after
 * 20 wrong passwords for {@code demo} from address A, {@code demo} logs in at once from address B while A is
 * answered 429. Each test uses addresses of its own (X-Forwarded-For, trusted from loopback in the test profile).
 */
@MotcuaTest
class LoginThrottleTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/mail/outbox?limit=1", "/actuator/prometheus", "/engine-rest/task"})
    void wrongBasicPasswordsFromOneAddressDoNotKeepTheUserOut(String path) throws Exception {
        String a = address();
        String b = address();
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> wrong = basic(path, a, "demo", "sai-mat-khau-" + i);
            assertThat(wrong.statusCode()).isIn(401, 429);
            if (wrong.statusCode() == 401) {
                refused++;
            } else {
                throttled++;
            }
        }
        assertThat(refused).as("wrong passwords answered before the throttle").isEqualTo(10);
        assertThat(throttled).isEqualTo(10);

        assertThat(basic(path, b, "demo", "demo").statusCode()).as("the real user from elsewhere").isEqualTo(200);

        HttpResponse<String> fromA = basic(path, a, "demo", "demo");
        assertTooManyAttempts(fromA.statusCode(), fromA.headers().firstValue("Content-Type").orElse(""),
                fromA.headers().firstValue("Retry-After").orElse(null), fromA.body());
        // another user name from A is not throttled by demo's count (until A's own limit)
        assertThat(basic(path, a, "tiepnhan.hcc", "sai").statusCode()).isEqualTo(401);
        // and that user's next right password gets in at once (the engine keeps no lock on them): other test
        // classes share this engine and move its clock, so no failed login may be left as the user's last one
        assertThat(basic("/engine-rest/task", b, "tiepnhan.hcc", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongWebappPasswordsFromOneAddressDoNotKeepTheUserOut() throws Exception {
        WebappSession stranger = new WebappSession(port, address());
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            int status = stranger.login("tasklist", "demo", "sai-mat-khau-" + i);
            assertThat(status).isIn(401, 429);
            refused += status == 401 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10);

        assertThat(new WebappSession(port, address()).login("tasklist", "demo", "demo")).isEqualTo(200);

        WebappSession.Response fromA = stranger.loginResponse("tasklist", "demo", "demo");
        assertTooManyAttempts(fromA.status(), fromA.contentType(), fromA.retryAfter(), fromA.body());
    }

    @Test
    void oneAddressTryingManyUserNamesIsThrottledToo() throws Exception {
        String a = address();
        for (int i = 0; i < 30; i++) {
            assertThat(basic("/engine-rest/task", a, "khongco" + i, "sai").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> next = basic("/engine-rest/task", a, "demo", "demo");
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(basic("/engine-rest/task", address(), "demo", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void aPathSpelledWithPercentEncodedLettersTellsNothingAboutThePassword() throws Exception {
        // /%61pi/… is /api/… to the security chains: it would be a second, uncounted door. It is refused
        // before any credentials are looked at, for a wrong password and a right one alike
        String a = address();
        for (String password : List.of("sai-1", "sai-2", "demo")) {
            for (String path : List.of("/%61pi/dossiers/X", "/%65ngine-rest/user", "/%61ctuator/prometheus")) {
                HttpResponse<String> refused = basic(path, a, "giamsat.noivu", password);
                assertThat(refused.statusCode()).as(path + " " + refused.body()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
            }
        }
        assertThat(basic("/engine-rest/task", a, "giamsat.noivu", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void rightPasswordsAreNeverCounted() throws Exception {
        String a = address();
        for (int i = 0; i < 40; i++) {
            assertThat(basic("/engine-rest/task", a, "demo", "demo").statusCode()).isEqualTo(200);
        }
    }

    private static void assertTooManyAttempts(int status, String contentType, String retryAfter, String body)
            throws IOException {
        assertThat(status).isEqualTo(429);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L);
        assertThat(JSON.readTree(body).get("detail").asText()).contains("Đăng nhập sai quá nhiều lần");
    }

    private HttpResponse<String> basic(String path, String address, String user, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + token).header("Accept", "*/*")
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String address() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }
}
