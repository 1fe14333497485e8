package vn.motcua.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.WebappSession;

/**
 * The project's API accepts the session of a user logged in to a Camunda webapp, for reads only: what the
 * Cockpit plugin relies on. Writes still need HTTP Basic; the API never creates a session.
 */
@MotcuaTest
class WebappSessionApiTest {

    static final String SATISFACTION = "/api/reports/satisfaction";
    static final String INTAKE = """
            {"procedureCode": "2.001610", "channel": "COUNTER",
             "applicant": {"fullName": "Phan Văn Phiên", "idNumber": "046090004321", "phone": "0905123456",
                           "email": "phien@example.com", "address": "1 Lê Lợi, Huế"},
             "formData": {"enterpriseName": "DNTN Phiên"}}""";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCockpitSessionReadsTheApiUntilLogout() {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.get(SATISFACTION).status()).isEqualTo(401);
        browser.open("cockpit");
        assertThat(browser.cookie("JSESSIONID")).isPresent();
        assertThat(browser.get(SATISFACTION).status()).as("a session without a login").isEqualTo(401);

        assertThat(browser.login("cockpit", "giamsat.noivu", "demo")).isEqualTo(200);
        WebappSession.Response report = browser.get(SATISFACTION + "?unit=sotaichinh");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("\"units\":[\"sotaichinh\"]");

        assertThat(browser.logout()).isEqualTo(200);
        assertThat(browser.get(SATISFACTION).status()).isEqualTo(401);
    }

    @Test
    void theSessionCarriesTheUsersCamundaGroups() {
        WebappSession ward = new WebappSession(port);
        assertThat(ward.login("cockpit", "giamsat.thuanhoa", "demo")).isEqualTo(200);
        assertThat(ward.get(SATISFACTION + "?unit=phuongthuanhoa").status()).isEqualTo(200);
        assertThat(ward.get(SATISFACTION + "?unit=sotaichinh").status()).isEqualTo(403);

        // a Tasklist login works too, with that officer's rights
        WebappSession counter = new WebappSession(port);
        assertThat(counter.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        String code = Api.at(port).as("tiepnhan.hcc", "demo").post("/api/dossiers", INTAKE).json().get("code").asText();
        assertThat(counter.get("/api/dossiers/" + code).status()).isEqualTo(200);
        assertThat(ward.get("/api/dossiers/" + code).status()).isEqualTo(403);
    }

    @Test
    void writesWithOnlyTheSessionCookieAreRefused() {
        WebappSession counter = new WebappSession(port);
        assertThat(counter.login("tasklist", "tiepnhan.hcc", "demo")).isEqualTo(200);
        long dossiers = count();
        // even with the webapps' CSRF header: the API's writes are HTTP Basic only
        WebappSession.Response post = counter.post("/api/dossiers", INTAKE);
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.body()).contains("Cần đăng nhập");
        assertThat(count()).isEqualTo(dossiers);

        WebappSession admin = new WebappSession(port);
        assertThat(admin.login("admin", "demo", "demo")).isEqualTo(200);
        assertThat(admin.delete("/api/calendar/days/2026-09-02").status()).isEqualTo(401);
        assertThat(Api.at(port).get("/api/calendar/days?year=2026").body()).contains("2026-09-02");
    }

    @Test
    void basicCredentialsWinOverTheSession() {
        WebappSession ward = new WebappSession(port);
        assertThat(ward.login("cockpit", "giamsat.thuanhoa", "demo")).isEqualTo(200);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("giamsat.noivu:demo".getBytes());
        assertThat(ward.get(SATISFACTION + "?unit=sotaichinh", "Authorization", basic).status()).isEqualTo(200);
        // wrong credentials are refused, session or not (an unknown user: a wrong password delays an account's next login)
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("khongco.ai:wrong".getBytes());
        assertThat(ward.get(SATISFACTION + "?unit=phuongthuanhoa", "Authorization", wrong).status()).isEqualTo(401);
    }

    @Test
    void theApiCreatesNoSessionAndDoesNotChallengeScripts() {
        WebappSession anonymous = new WebappSession(port);
        WebappSession.Response plain = anonymous.get(SATISFACTION);
        assertThat(plain.status()).isEqualTo(401);
        assertThat(plain.challenge()).startsWith("Basic");
        assertThat(plain.setCookies()).doesNotContain("JSESSIONID");
        // the plugin's requests: a 401 without a challenge, so the browser shows no login box over Cockpit
        WebappSession.Response script = anonymous.get(SATISFACTION, "X-Requested-With", "XMLHttpRequest");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.challenge()).isNull();

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("giamsat.noivu:demo".getBytes());
        WebappSession.Response withBasic = anonymous.get(SATISFACTION, "Authorization", basic);
        assertThat(withBasic.status()).isEqualTo(200);
        assertThat(withBasic.setCookies()).doesNotContain("JSESSIONID");

        WebappSession supervisor = new WebappSession(port);
        supervisor.login("cockpit", "giamsat.noivu", "demo");
        String session = supervisor.cookie("JSESSIONID").orElseThrow();
        WebappSession.Response read = supervisor.get(SATISFACTION);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.setCookies()).doesNotContain("JSESSIONID");
        assertThat(supervisor.cookie("JSESSIONID")).contains(session);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from dossier", Long.class);
    }
}
