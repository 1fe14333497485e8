package vn.motcua.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests the same: the SHA-256 of the request's body in a canonical form (its JSON with properties
 * and map keys sorted), and of every file it carries (name, type and content). Immutable: each {@code and} gives a
 * new fingerprint.
 */
public final class Fingerprint {

    private final String hex;

    private Fingerprint(String hex) {
        this.hex = hex;
    }

    static Fingerprint of(byte[] canonical) {
        return new Fingerprint(sha256(canonical));
    }

    /** This fingerprint and a file: its name, its content type and its content. */
    public Fingerprint and(String name, String contentType, InputStream content) {
        try (DigestInputStream in = new DigestInputStream(content, digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String file = HexFormat.of().formatHex(in.getMessageDigest().digest());
            return new Fingerprint(sha256((hex + "\n" + name + "\n" + contentType + "\n" + file)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a file of the request", e);
        }
    }

    String hex() {
        return hex;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
