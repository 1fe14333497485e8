package vn.motcua;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the running application: real requests over loopback. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final java.util.Map<String, String> headers;

    private Api(String base, String authorization, java.util.Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    public static Api at(int port) {
        return new Api("http://127.0.0.1:" + port, null, java.util.Map.of());
    }

    public Api as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token, headers);
    }

    /** The same client, sending this header with every request as well (an Idempotency-Key, X-Forwarded-For). */
    public Api with(String header, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(base, authorization, java.util.Map.copyOf(more));
    }

    public Response get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    /** A GET as a browser makes it, asking for a page. */
    public Response page(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    /** A GET that accepts the given media types instead of JSON (e.g. {@code text/html}). */
    public Response get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    /** A GET whose answer is kept as bytes (a PDF), accepting the given media types. */
    public Download download(String path, String accept) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request(path).setHeader("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path).header("Accept", "application/json").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart POST of one file in the field {@code field}, as a browser's file input sends it. */
    public Response upload(String path, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----motcua" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response delete(String path) {
        return send(request(path).header("Accept", "application/json").DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    public record Download(int status, String contentType, String disposition, byte[] body) {
    }
}
