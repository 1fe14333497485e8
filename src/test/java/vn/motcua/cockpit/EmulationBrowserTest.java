package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/**
 * The emulation scorecard page in Cockpit ({@code #/thi-dua}), in headless Chromium against the real API: three death
 * registrations (1.000656, same day) of UBND phường Phú Xuân received on Monday 10 August 2026 (2026-Q3), every step
 * in time but the leader's approval of the third, done at 16:00. Phú Xuân's supervisor opens "Thi đua" from
 * Cockpit's menu, picks the quarter and sees the counter officer (6 steps) and the specialist (3) share rank 1 at
 * 100 points and the leader third at 66.67 (2 of 3 steps in time; nobody answered a survey, so the on-time rate
 * alone makes the base): the page shows what the API answers, with names, and the parts beside each score. Screenshot in {@code target/screenshots/}.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulationBrowserTest {

    static final String UNIT = "phuongphuxuan";
    static final String COUNTER = "tiepnhan.phuxuan";
    static final String SPECIALIST = "chuyenvien.phuxuan";
    static final String LEADER = "lanhdao.phuxuan";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired TaskService tasks;

    WebDriver browser;

    @BeforeAll
    void seed() {
        try {
            Staff.actAs("demo", "camunda-admin");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clock("2026-08-10T09:00+07:00");
                String code = driver.intake("1.000656");
                codes.add(code);
                complete(code, "Task_receptionCheck", COUNTER, Map.of("decision", "APPROVE"));
                clock("2026-08-10T09:10+07:00");
                complete(code, "Task_appraise", SPECIALIST, Map.of("decision", "APPROVE"));
            }
            clock("2026-08-10T09:20+07:00");
            for (String code : codes.subList(0, 2)) {
                complete(code, "Task_approve", LEADER, Map.of("decision", "APPROVE"));
                complete(code, "Task_returnResult", COUNTER, Map.of("returnMethod", "COUNTER"));
            }
            clock("2026-08-10T16:00+07:00");
            complete(codes.get(2), "Task_approve", LEADER, Map.of("decision", "APPROVE"));
            clock("2026-08-10T16:10+07:00");
            complete(codes.get(2), "Task_returnResult", COUNTER, Map.of("returnMethod", "COUNTER"));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theWardsSupervisorOpensTheScorecardAndSeesTheRanking() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start(1400, 1000, options -> { });
        CockpitDossierView.login(browser, port, "giamsat.phuxuan");
        WebElement menu = new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                .elementToBeClickable(By.cssSelector("a.motcua-nav[href='#/thi-dua']")));
        // Cockpit's routes change the address's hash only: the page is not replaced
        menu.click();
        WebElement page = new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector(".motcua-emulation[data-state='ready']")));

        new Select(page.findElement(By.name("quarter"))).selectByValue("2026-Q3");
        page.findElement(By.cssSelector("form.motcua-filters button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "ready".equals(page.getAttribute("data-state"))
                && page.findElement(By.cssSelector(".motcua-status")).getText().contains("Quý 3/2026"));

        JsonNode real = Api.at(port).as("giamsat.phuxuan", "demo").get("/api/reports/emulation?quarter=2026-Q3").json();
        assertThat(real.get("units")).hasSize(1);
        List<WebElement> sections = page.findElements(By.cssSelector("section.motcua-emulation-unit"));
        assertThat(sections).extracting(s -> s.getAttribute("data-unit")).containsExactly(UNIT);
        WebElement ward = sections.get(0);
        assertThat(ward.findElement(By.tagName("h3")).getText()).isEqualTo("UBND phường Phú Xuân");

        List<WebElement> rows = ward.findElements(By.cssSelector("tr[data-user]"));
        assertThat(rows).extracting(r -> r.getAttribute("data-user")).containsExactly(COUNTER, SPECIALIST, LEADER);
        List<String> fromApi = new ArrayList<>();
        real.get("units").get(0).get("officers").forEach(o -> fromApi.add(o.get("userId").asText()));
        assertThat(fromApi).containsExactly(COUNTER, SPECIALIST, LEADER);
        assertThat(rows).extracting(r -> cell(r, "rank")).containsExactly("1", "1", "3");
        assertThat(rows).extracting(r -> cell(r, "officer"))
                .containsExactly("Phan Thị Ngọc (tiepnhan.phuxuan)", "Trương Văn Bình (chuyenvien.phuxuan)",
                        "Lý Thị Thảo (lanhdao.phuxuan)");
        assertThat(rows).extracting(r -> cell(r, "score")).containsExactly("100,00", "100,00", "66,67");
        // the leader's score beside its parts: 2 of 3 steps in time, the on-time rate alone as nobody answered a survey
        WebElement leader = rows.get(2);
        assertThat(cell(leader, "onTimePoints")).isEqualTo("66,67");
        assertThat(cell(leader, "sipasPoints")).isEqualTo("—");
        assertThat(cell(leader, "escalationPoints")).isEqualTo("0,00");
        assertThat(cell(leader, "steps")).isEqualTo("3 (0 / 2 / 1)");
        assertThat(cell(leader, "onTimeRate")).isEqualTo("66,67 %");
        assertThat(cell(rows.get(0), "steps")).startsWith("6 (");

        assertThat(page.findElement(By.cssSelector(".motcua-emulation-rule")).getText())
                .contains("(60 × tỷ lệ bước xử lý đúng hạn + 40 × chỉ số SIPAS").contains("từ 3 bước trở lên");
        String csv = page.findElement(By.cssSelector("a[data-export='emulation']")).getAttribute("href");
        assertThat(csv).endsWith("/api/reports/emulation.csv?quarter=2026-Q3");
        // the CSV link works with the Cockpit session alone
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.text().then(t => done(r.status + ' ' + t.split('\\r\\n').length)))"
                        + ".catch(e => done(String(e)));", csv);
        assertThat(status).isEqualTo("200 6");
        assertThat(page.getText()).doesNotContain("Thuận Hóa").doesNotContain("chuyenvien.thuanhoa");
        CockpitDossierView.screenshot(browser, "emulation-scorecard");
        assertThat(CockpitDossierView.englishOn(browser)).as("English on the scorecard page").isEmpty();
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("[data-col='" + column + "']")).getText().strip();
    }

    private void complete(String code, String step, String officer, Map<String, Object> variables) {
        String id = driver.task(code, step).getId();
        tasks.claim(id, officer);
        tasks.complete(id, variables);
    }
}
