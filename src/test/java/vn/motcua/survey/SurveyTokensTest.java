package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The survey links: an HMAC of a stored random nonce under a server secret, stored only as a hash. */
class SurveyTokensTest {

    static final String SECRET = "a-survey-secret-of-at-least-32-characters";
    final SurveyTokens tokens = new SurveyTokens(SECRET, "https://motcua.hue.gov.vn/");

    @Test
    void theTokenIsTheBase64urlHmacSha256OfTheNonceUnderTheSecret() {
        // RFC 4231, test case 2: HMAC-SHA256, key "Jefe", data "what do ya want for nothing?"
        SurveyTokens rfc = new SurveyTokens("Jefe", "http://localhost:8080");
        String nonce = HexFormat.of().formatHex("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        byte[] expected = HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(rfc.token(nonce)).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void aTokenCarries256BitsAndIsRebuiltFromItsNonce() {
        String nonce = tokens.newNonce();
        String token = tokens.token(nonce);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(SurveyTokens.wellFormed(token)).isTrue();
        // the reminder gets the same link again
        assertThat(tokens.token(nonce)).isEqualTo(token);
    }

    @Test
    void noncesAreFreshRandom256BitValues() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String nonce = tokens.newNonce();
            assertThat(HexFormat.of().parseHex(nonce)).hasSize(32);
            assertThat(seen.add(nonce)).isTrue();
        }
    }

    @Test
    void theDatabaseAloneRevealsNoToken() throws Exception {
        String nonce = tokens.newNonce();
        String token = tokens.token(nonce);
        String stored = SurveyTokens.hash(token);
        // the stored hash is the SHA-256 of the token, so look-ups find it ...
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII))));
        assertThat(stored).hasSize(64).isNotEqualTo(token);
        // ... but without the secret the nonce gives another token, whose hash is not the stored one
        SurveyTokens guess = new SurveyTokens("another-secret-of-at-least-32-characters", "http://localhost:8080");
        assertThat(guess.token(nonce)).isNotEqualTo(token);
        assertThat(SurveyTokens.hash(guess.token(nonce))).isNotEqualTo(stored);
        assertThat(SurveyTokens.hash(nonce)).isNotEqualTo(stored);
    }

    @Test
    void theLinkIsTheSiteAddressAndTheToken() {
        String token = tokens.token(tokens.newNonce());
        assertThat(tokens.link(token)).isEqualTo("https://motcua.hue.gov.vn/khao-sat/" + token);
    }

    @Test
    void onlyWellFormedTokensAreLookedUp() {
        assertThat(SurveyTokens.wellFormed(null)).isFalse();
        assertThat(SurveyTokens.wellFormed("")).isFalse();
        assertThat(SurveyTokens.wellFormed("a".repeat(42))).isFalse();
        assertThat(SurveyTokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(SurveyTokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(SurveyTokens.wellFormed("a".repeat(42) + "/")).isFalse();
        assertThat(SurveyTokens.wellFormed("aB3_-".repeat(8) + "xyz")).isTrue();
    }
}
