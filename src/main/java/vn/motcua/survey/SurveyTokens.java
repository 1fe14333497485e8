package vn.motcua.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The survey links. Each survey stores a random 256-bit nonce and the SHA-256 of its token; the token
 * is base64url(HMAC-SHA256(secret, nonce)), so the application can rebuild the link for a reminder
 * while the database alone (nonce and hash, without the secret) reveals no link. A presented token is
 * looked up by its hash.
 */
@Component
class SurveyTokens {

    static final String PATH = "/khao-sat/";
    private static final int NONCE_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    /** 32 bytes of HMAC in base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final String baseUrl;

    @Autowired
    SurveyTokens(SurveyProperties properties, @Value("${motcua.site.base-url:http://localhost:8080}") String baseUrl) {
        this(properties.secret(), baseUrl);
    }

    SurveyTokens(String secret, String baseUrl) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A fresh random nonce, hex. */
    String newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    /** The link token of the survey with this nonce. */
    String token(String nonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] tag = mac.doFinal(HexFormat.of().parseHex(nonce));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the database stores and searches: the token's SHA-256, hex. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text could be a token at all (anything else is unknown without a look-up). */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The citizen's link to the survey page. */
    String link(String token) {
        return baseUrl + PATH + token;
    }
}
