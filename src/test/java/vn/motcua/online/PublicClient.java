package vn.motcua.online;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A citizen's (or an officer's) HTTP client for the online channel, with multipart uploads. Each
 * client comes from its own address (sent as X-Forwarded-For, which the test profile trusts from
 * loopback as from an internal proxy), so the per-address rate limits count per client.
 */
final class PublicClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String address;
    private final String authorization;
    private final java.util.Map<String, String> headers;

    private PublicClient(String base, String address, String authorization) {
        this(base, address, authorization, java.util.Map.of());
    }

    private PublicClient(String base, String address, String authorization, java.util.Map<String, String> headers) {
        this.base = base;
        this.address = address;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same client, sending this header with every request as well (an Idempotency-Key). */
    PublicClient with(String header, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new PublicClient(base, address, authorization, java.util.Map.copyOf(more));
    }

    /** A client from a fresh address of 198.18.0.0/15 (only a header value: nothing is sent there). */
    static PublicClient at(int port) {
        int n = (int) (Math.random() * 65_000);
        return at(port, "198.18." + (n / 250) + "." + (n % 250 + 1));
    }

    static PublicClient at(int port, String address) {
        return new PublicClient("http://127.0.0.1:" + port, address, null);
    }

    PublicClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new PublicClient(base, address, "Basic " + token, headers);
    }

    /** A part of a multipart body: a file (with a name) or a field (JSON or text). */
    record Part(String name, String filename, String contentType, byte[] bytes) {

        static Part json(String name, Object value) {
            try {
                return new Part(name, null, "application/json", JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Part text(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String filename, String contentType, byte[] bytes) {
            return file("files", filename, contentType, bytes);
        }

        static Part file(String name, String filename, String contentType, byte[] bytes) {
            return new Part(name, filename, contentType, bytes);
        }
    }

    record Response(int status, HttpHeaders headers, byte[] bytes) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body(), e);
            }
        }
    }

    Response file(Object dossier, Part... files) {
        List<Part> parts = new ArrayList<>();
        if (dossier != null) {
            parts.add(Part.json("dossier", dossier));
        }
        parts.addAll(List.of(files));
        return multipart("/api/public/dossiers", parts);
    }

    Response lookUp(String code, String idNumber) {
        return get("/api/public/dossiers/" + code + "?idNumber=" + encode(idNumber));
    }

    Response supplement(String code, String idNumber, Part... files) {
        return multipart("/api/public/dossiers/" + code + "/supplement?idNumber=" + encode(idNumber), List.of(files));
    }

    Response result(String code, String idNumber) {
        return get("/api/public/dossiers/" + code + "/result?idNumber=" + encode(idNumber));
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response form(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Response multipart(String path, List<Part> parts) {
        String boundary = "----motcua" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(body, "--" + boundary + "\r\n");
            write(body, "Content-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.filename() != null ? "; filename=\"" + part.filename() + "\"" : "") + "\r\n");
            if (part.contentType() != null) {
                write(body, "Content-Type: " + part.contentType() + "\r\n");
            }
            write(body, "\r\n");
            body.writeBytes(part.bytes());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json, */*")
                .header("X-Forwarded-For", address);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
