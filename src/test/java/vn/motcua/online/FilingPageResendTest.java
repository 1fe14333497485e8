package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaTest;

/**
 * The citizens' filing page sent twice (a second click, or the browser sending the form again after its answer was
 * lost): one dossier, and the second sending answers the first one. The page carries its own key; a key sent again with
 * other content says so on the form and offers a new key, so a deliberate second filing is one click away.
 */
@MotcuaTest
class FilingPageResendTest {

    private static final Pattern KEY = Pattern.compile("<input type=\"hidden\" name=\"submission\" value=\"([^\"]+)\">");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSameFormSentTwiceFilesOneDossierAndAnswersItTwice() {
        PublicClient citizen = PublicClient.at(port);
        String key = key(citizen.get("/nop-ho-so/" + Samples.BIRTH).body());
        StoredRows before = StoredRows.now(jdbc);

        PublicClient.Response first = send(citizen, key, "Nguyễn Thị Hoa");
        PublicClient.Response again = send(citizen, key, "Nguyễn Thị Hoa");

        assertThat(first.status()).as(first.body()).isEqualTo(303);
        assertThat(again.status()).as(again.body()).isEqualTo(303);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/nop-ho-so/da-nop?ma=");
        assertThat(again.headers().firstValue("Location")).contains(location);
        before.assertDossiersAdded(1);
        assertThat(jdbc.queryForObject("select count(*) from dossier where applicant_full_name = ?", Long.class,
                "Nguyễn Thị Hoa")).isEqualTo(1);
    }

    @Test
    void theFormSentAgainWithOtherContentSaysSoAndANewFilingTakesTheNewKey() {
        PublicClient citizen = PublicClient.at(port);
        String key = key(citizen.get("/nop-ho-so/" + Samples.BIRTH).body());
        StoredRows before = StoredRows.now(jdbc);
        assertThat(send(citizen, key, "Trần Văn Hải").status()).isEqualTo(303);

        // back to the cached form, another name typed, sent with the same key
        PublicClient.Response changed = send(citizen, key, "Trần Văn Hậu");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.contentType()).startsWith("text/html");
        assertThat(changed.body()).contains("Biểu mẫu này đã được gửi trước đó với nội dung khác")
                .contains("value=\"Trần Văn Hậu\"").doesNotContain("Idempotency");
        before.assertDossiersAdded(1);
        String fresh = key(changed.body());
        assertThat(fresh).isNotEqualTo(key);

        PublicClient.Response second = send(citizen, fresh, "Trần Văn Hậu");
        assertThat(second.status()).as(second.body()).isEqualTo(303);
        before.assertDossiersAdded(2);
    }

    @Test
    void aTamperedKeyIsIgnoredAndTheFilingGoesAhead() {
        PublicClient citizen = PublicClient.at(port);
        StoredRows before = StoredRows.now(jdbc);
        PublicClient.Response filed = send(citizen, "x\u0000<script>", "Lê Thị Mai");
        assertThat(filed.status()).as(filed.body()).isEqualTo(303);
        before.assertDossiersAdded(1);
    }

    private static PublicClient.Response send(PublicClient citizen, String key, String name) {
        return citizen.form("/nop-ho-so/" + Samples.BIRTH, "submission", key, "fullName", name,
                "idNumber", Samples.ID_NUMBER, "phone", "0914555666", "address", "12 Nguyễn Huệ, phường Thuận Hóa",
                "returnMethod", "COUNTER");
    }

    private static String key(String page) {
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).as("the filing page carries its submission key").isTrue();
        return key.group(1);
    }
}
