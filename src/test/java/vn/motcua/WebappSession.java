package vn.motcua;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A browser's session with the Camunda webapps over plain HTTP: a cookie jar, the webapps' CSRF token, their
 * login and logout, and requests that carry nothing but the cookies.
 */
public final class WebappSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String forwardedFor;

    public WebappSession(int port) {
        this(port, null);
    }

    /** A browser at the given client address (sent as X-Forwarded-For, which the test profile trusts from loopback). */
    public WebappSession(int port, String forwardedFor) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        this.forwardedFor = forwardedFor;
    }

    /** Opens the app's page (session and CSRF cookie) and logs in as its login form does; the login's status. */
    public int login(String app, String user, String password) {
        return loginResponse(app, user, password).status();
    }

    /** As {@link #login}, the whole answer. */
    public Response loginResponse(String app, String user, String password) {
        open(app);
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    /** Logs out as the webapps' menu does; the status. */
    public int logout() {
        open("cockpit");
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.noBody())).status();
    }

    /** Opens an app's page, as a browser does before logging in. */
    public void open(String app) {
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET());
    }

    public Response post(String path, String json) {
        return post(path, json, "application/json");
    }

    /** As {@link #post(String, String)}, asking for the given media type (Tasklist asks for application/hal+json). */
    public Response post(String path, String json, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A file sent as a multipart form field on the session's cookies, with the given X-XSRF-TOKEN header (null:
     * none), as a webapp page's script sends it.
     */
    public Response upload(String path, String field, String fileName, byte[] content, String xsrfToken) {
        String boundary = "----motcua" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (xsrfToken != null) {
            request.header("X-XSRF-TOKEN", xsrfToken);
        }
        return send(request);
    }

    /**
     * A multipart POST as a Tasklist page's script sends it: the session's cookies, and the CSRF token in
     * {@code X-XSRF-TOKEN} when {@code token} is not null (pass {@link #csrf()} for the right one).
     */
    public Response postMultipart(String path, String contentType, byte[] body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("X-Requested-With", "XMLHttpRequest").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return send(request);
    }

    /** The webapps' CSRF token of this session (the XSRF-TOKEN cookie), empty before a webapp page was opened. */
    public String csrf() {
        return csrfToken();
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrfToken()).DELETE());
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private String csrfToken() {
        return cookie("XSRF-TOKEN").orElse("");
    }

    private Response send(HttpRequest.Builder request) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    String.join("; ", response.headers().allValues("Set-Cookie")),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, body, the Basic challenge if any, the cookies it sets, Retry-After if any, its type. */
    public record Response(int status, String body, String challenge, String setCookies, String retryAfter,
            String contentType) {
    }
}
