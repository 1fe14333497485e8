package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.MotcuaTest;
import vn.motcua.WebappSession;

/**
 * Behind a TLS proxy (X-Forwarded-Proto: https from loopback, trusted in the test profile like an internal
 * proxy) the webapps' cookies are Secure and every response carries HSTS; over plain HTTP nothing changes and the
 * demo's login works.
 */
@MotcuaTest
class TransportSecurityTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort int port;

    @Test
    void behindATlsProxyTheWebappCookiesAreSecureAndEveryResponseSendsHsts() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/default/", true, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        String session = cookie(page, "JSESSIONID").orElseThrow();
        String csrf = cookie(page, "XSRF-TOKEN").orElseThrow();
        assertThat(attributes(session)).contains("secure", "httponly", "samesite=lax");
        assertThat(attributes(csrf)).contains("secure", "samesite=lax");
        assertHsts(page);

        // the login renews the session: the new cookie is Secure as well
        String token = value(csrf);
        HttpResponse<String> login = CLIENT.send(request("/camunda/api/admin/auth/user/default/login/tasklist", true)
                .header("Cookie", "JSESSIONID=" + value(session) + "; XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(c -> assertThat(attributes(c)).contains("secure"));
        assertHsts(login);

        for (String path : List.of("/", "/tra-cuu", "/khao-sat/khong-co", "/api/procedures", "/engine-rest/task",
                "/actuator/health", "/css/motcua.css")) {
            assertHsts(get(path, true, Map.of()));
        }
        // a throttled login is answered before Spring Security: HSTS there too
        String stranger = "10.78.0.1";
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 11; i++) {
            throttled = get("/engine-rest/task", true, Map.of("X-Forwarded-For", stranger,
                    "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("demo:sai" + i).getBytes())));
        }
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertHsts(throttled);
    }

    @Test
    void overPlainHttpThereIsNoHstsAndTheDemoLoginWorks() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/default/", false, Map.of());
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(attributes(cookie(page, "JSESSIONID").orElseThrow())).contains("httponly", "samesite=lax")
                .doesNotContain("secure");
        assertThat(attributes(cookie(page, "XSRF-TOKEN").orElseThrow())).doesNotContain("secure");
        assertThat(get("/", false, Map.of()).headers().firstValue("Strict-Transport-Security")).isEmpty();

        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("tasklist", "demo", "demo")).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
    }

    private static void assertHsts(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Strict-Transport-Security")).as(response.uri().toString())
                .singleElement().satisfies(v -> assertThat(v).contains("max-age=31536000"));
    }

    private HttpResponse<String> get(String path, boolean tls, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = request(path, tls);
        headers.forEach(request::setHeader);
        return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, boolean tls) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (tls) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "10.78.1." + (path.length() % 200 + 1));
        }
        return request;
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1).split(";")[0];
    }

    private static List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase())
                .collect(Collectors.toList());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
