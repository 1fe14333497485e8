package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The Cockpit page of the dossiers at risk, in headless Chromium ({@link Chromium}; skipped without Debian's
 * packages), against the real API at the real time (the webapps' login does not survive a moved clock): a household
 * business registration at UBND phường Thuận Hóa (3 working days) received so that its appointment is 25 working
 * minutes from now, still at appraisal: no step is ever taken to need less than 30 more minutes, so it is at risk
 * whatever the history. The ward's supervisor finds it from Cockpit's menu with the risk and the reasons the API gives, and
 * opens its dossier view from there; Phú Xuân's supervisor does not see it. Screenshot in
 * {@code target/screenshots/cockpit-dossier-at-risk.png}.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitAtRiskBrowserTest {

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired WorkingCalendar calendar;

    String code;
    WebDriver browser;

    @BeforeAll
    void seed() {
        try {
            Staff.actAs("demo", "camunda-admin");
            // from the whole minute: the dossier keeps its appointment to the minute
            Instant appointment = calendar.addWorkingTime(calendar.now().truncatedTo(ChronoUnit.MINUTES), 25,
                    null).toInstant();
            ClockUtil.setCurrentTime(Date.from(calendar.subtractWorkingTime(appointment, 3 * 480)));
            code = dossiers.intake(new IntakeRequest("1.001612", Channel.COUNTER,
                    new IntakeRequest.ApplicantData("Ngô Văn Nguy Cơ", "046190007654", "0905333444", "nguyco@example.com",
                            "3 Trần Hưng Đạo, Huế"), Map.of())).getCode();
            driver.complete(code, "Task_receptionCheck", "APPROVE", null);
            ClockUtil.reset();
            assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(appointment);
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start(1400, 1000, options -> options.addArguments("--lang=en-US"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theWardsSupervisorFindsTheDossierAtRiskWithItsReasonsAndOpensIt() {
        CockpitDossierView.login(browser, port, "giamsat.thuanhoa");
        JsonNode expected = null;
        for (JsonNode e : Api.at(port).as("giamsat.thuanhoa", "demo").get("/api/reports/at-risk?limit=500").json()) {
            if (code.equals(e.get("code").asText())) {
                expected = e;
            }
        }
        assertThat(expected).as("the API lists it at risk").isNotNull();
        assertThat(expected.get("risk").asInt()).isEqualTo(100);

        // from Cockpit's menu
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/dashboard");
        // Cockpit's menu has a link to it (under "Thêm" when the bar is full)
        WebElement menu = new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("a.motcua-nav[href='#/motcua/nguy-co-tre-han']")));
        assertThat(menu.getAttribute("textContent")).isEqualTo("Nguy cơ trễ hạn");
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/motcua/nguy-co-tre-han");
        WebElement page = ready();
        WebElement row = page.findElement(By.cssSelector("tr[data-code='" + code + "']"));
        assertThat(row.findElement(By.cssSelector(".motcua-risk")).getText())
                .isEqualTo(expected.get("risk").asText() + " %");
        List<String> reasons = new ArrayList<>();
        row.findElements(By.cssSelector(".motcua-reasons li")).forEach(li -> reasons.add(li.getText()));
        List<String> fromApi = new ArrayList<>();
        expected.get("reasons").forEach(r -> fromApi.add(r.asText()));
        assertThat(reasons).isEqualTo(fromApi);
        assertThat(reasons.get(0)).startsWith("đang chờ ở bước Thẩm định hồ sơ");
        assertThat(row.getText()).contains("Ngô Văn Nguy Cơ", "Thẩm định hồ sơ",
                CockpitDossierView.shown(expected.get("appointmentAt")));
        CockpitDossierView.screenshot(browser, "at-risk");
        assertThat(CockpitDossierView.englishOn(browser)).as("English on the at-risk page").isEmpty();

        row.findElement(By.cssSelector("a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("#/motcua/ho-so/" + code));
        CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.thuanhoa");
    }

    @Test
    void anotherWardsSupervisorDoesNotSeeIt() {
        CockpitDossierView.login(browser, port, "giamsat.phuxuan");
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/motcua/nguy-co-tre-han");
        WebElement page = ready();
        assertThat(page.findElements(By.cssSelector("tr[data-code='" + code + "']"))).isEmpty();
        assertThat(page.getText()).doesNotContain(code);
    }

    private WebElement ready() {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                    .presenceOfElementLocated(By.cssSelector(".motcua-at-risk[data-state='ready']")));
        } catch (RuntimeException e) {
            CockpitDossierView.screenshot(browser, "at-risk-not-ready");
            System.out.println("PAGE: " + ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.body.innerText.substring(0, 3000)"));
            browser.manage().logs().get("browser").forEach(l -> System.out.println("CONSOLE: " + l));
            throw e;
        }
    }
}
