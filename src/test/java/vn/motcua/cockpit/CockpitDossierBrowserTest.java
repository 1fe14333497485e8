package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The supervisor's dossier view in Cockpit, in headless Chromium ({@link Chromium}; skipped without Debian's
 * packages), against the real API (no fake): an enterprise registration received at the city's centre two weeks
 * ago, its appraisal at the Department of Finance overdue and escalated, is opened
 * <ul>
 * <li>by the Department's supervisor from the "Một cửa" page's overdue list,</li>
 * <li>by the city's supervisor from Cockpit's process instance page (the lifecycle's),</li>
 * <li>by the Department's supervisor from the handling instance's page, where Cockpit shows no control that would
 * change the instance (variables, toolbar) to a read-only supervisor, but does to an administrator,</li>
 * <li>and refused in Vietnamese to a ward's supervisor, whose unit takes no part in it.</li>
 * </ul>
 * No English on these pages; the applicant's name, which holds markup, is shown as text. Screenshots in
 * {@code target/screenshots/cockpit-dossier-*.png}.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitDossierBrowserTest {

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String APPLICANT = "Hồ <i>Thị</i> Giám Sát <img src=x onerror=\"window.motcuaXss=1\">";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;

    String code;
    LocalDate received;
    String lifecycle;
    String handling;
    WebDriver browser;

    @BeforeAll
    void seed() {
        // received on a Monday two weeks ago at 09:00: its 16 working hours of appraisal are long past
        LocalDate monday = LocalDate.now(HUE).minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        received = monday;
        try {
            Staff.actAs("demo", "camunda-admin");
            ClockUtil.setCurrentTime(Date.from(monday.atTime(9, 0).atZone(HUE).toInstant()));
            code = dossiers.intake(new IntakeRequest("2.001610", Channel.COUNTER,
                    new IntakeRequest.ApplicantData(APPLICANT, "046090006543", "0905654321", "giam.sat@example.com",
                            "7 Lê Lợi, Huế"), Map.of("enterpriseName", "DNTN Theo Dõi"))).getCode();
            driver.complete(code, "Task_receptionCheck", "APPROVE", null);
            ClockUtil.reset();
            // the appraisal's overdue timer: the step goes to the Department's supervisors
            driver.execute(driver.taskTimers(code, "Task_appraise").get(1));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        lifecycle = driver.lifecycle(code).getId();
        handling = driver.handling(code).getId();
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
    void theDepartmentsSupervisorOpensTheDossierFromTheOverdueList() {
        CockpitDossierView.login(browser, port, "giamsat.taichinh");
        browser.get(cockpit() + "#/motcua");
        WebElement page = new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector(".motcua-report:not(.motcua-summary)[data-state='ready']")));
        assertThat(page.findElements(By.cssSelector("table.motcua-overdue-list tr[data-code='" + code + "']")))
                .hasSize(1);

        // counted by handling unit, the Department's figures include the centre's dossiers it handles
        new Select(page.findElement(By.name("by"))).selectByValue("handling");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[2];",
                page.findElement(By.name("from")), page.findElement(By.name("to")), received.toString());
        page.findElement(By.cssSelector("form.motcua-filters button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "ready".equals(page.getAttribute("data-state"))
                && page.findElement(By.cssSelector(".motcua-status")).getText().contains("theo đơn vị giải quyết"));
        String asked = (String) js("const u = performance.getEntriesByType('resource').map(e => new URL(e.name))"
                + ".filter(u => u.pathname === '/api/reports/indicators').pop(); return u.pathname + u.search;");
        assertThat(asked).contains("by=handling");
        JsonNode real = Api.at(port).as("giamsat.taichinh", "demo").get(asked).json();
        assertThat(real.get("filter").get("by").asText()).isEqualTo("handling");
        assertThat(asked).contains("from=" + received, "to=" + received);
        assertThat(real.get("total").get("received").asLong()).isPositive();
        assertThat(page.findElement(By.cssSelector("[data-total='received']")).getText())
                .isEqualTo(real.get("total").get("received").asText());
        assertThat(page.findElement(By.cssSelector("table.motcua-per-unit tbody th")).getText())
                .isEqualTo("Sở Tài chính thành phố Huế");
        assertThat(page.findElement(By.cssSelector("table.motcua-per-unit thead th")).getText())
                .isEqualTo("Đơn vị giải quyết");
        WebElement row = page.findElement(By.cssSelector("table.motcua-overdue-list tr[data-code='" + code + "']"));
        CockpitDossierView.screenshot(browser, "overdue-list-by-handling-unit");
        assertThat(CockpitDossierView.englishOn(browser)).as("English on the Một cửa page").isEmpty();
        row.findElement(By.cssSelector("a")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("#/motcua/ho-so/" + code));
        WebElement view = CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.taichinh");
        CockpitDossierView.screenshot(browser, "from-overdue-list");
        assertThat(CockpitDossierView.fact(view, "receivingUnit"))
                .isEqualTo("Trung tâm Phục vụ hành chính công thành phố Huế");
        assertThat(CockpitDossierView.fact(view, "handlingUnits")).isEqualTo("Sở Tài chính thành phố Huế");
        // the appraisal is late and went to the Department's supervisors
        WebElement appraisal = view.findElement(By.cssSelector("table.motcua-steps tr[data-step='appraise']"));
        assertThat(appraisal.getText()).contains("Thẩm định hồ sơ", "Sở Tài chính thành phố Huế", "Đang xử lý, quá hạn");
        assertThat(view.findElement(By.cssSelector("table.motcua-escalations tr[data-step='appraise']")).getText())
                .contains("Thẩm định hồ sơ", "Sở Tài chính thành phố Huế", "Chưa quyết định");
        assertThat(view.findElement(By.cssSelector("table.motcua-documents tr[data-form='01']")).getText())
                .contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        // the citizen's text shown as text, never run
        assertThat(CockpitDossierView.fact(view, "applicant")).isEqualTo(APPLICANT);
        assertThat(view.findElements(By.cssSelector("[data-fact='applicant'] i, [data-fact='applicant'] img"))).isEmpty();
        assertThat(js("return window.motcuaXss === undefined")).isEqualTo(true);
        assertThat(CockpitDossierView.englishOn(browser)).as("English on the dossier view").isEmpty();

        // Form 01 opens with the Cockpit session, as its link says
        String form01 = view.findElement(By.cssSelector("table.motcua-documents tr[data-form='01'] a"))
                .getAttribute("href");
        assertThat(form01).endsWith("/api/dossiers/" + code + "/documents/01");
        browser.get(form01);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(code);
    }

    @Test
    void theCitysSupervisorOpensItFromTheProcessInstancePage() {
        CockpitDossierView.login(browser, port, "giamsat.noivu");
        browser.get(cockpit() + "#/process-instance/" + lifecycle + "/runtime");
        WebElement action = new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions
                .elementToBeClickable(By.cssSelector(".ctn-toolbar a.motcua-dossier-action")));
        assertThat(action.getAttribute("data-code")).isEqualTo(code);
        CockpitDossierView.screenshot(browser, "process-instance");
        action.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("#/motcua/ho-so/" + code));
        CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.noivu");
        CockpitDossierView.screenshot(browser, "from-process-instance");
        assertThat(CockpitDossierView.englishOn(browser)).as("English on the dossier view").isEmpty();

        // and by the reusable path other browser tests end with
        WebElement again = CockpitDossierView.openAndAssertFacts(browser, port, code, "giamsat.noivu");
        assertThat(again.findElement(By.cssSelector("table.motcua-escalations")).isDisplayed()).isTrue();
    }

    @Test
    void aReadOnlySupervisorSeesNoControlsThatWouldChangeTheInstanceAnAdministratorDoes() {
        CockpitDossierView.login(browser, port, "giamsat.taichinh");
        browser.get(cockpit() + "#/process-instance/" + handling + "/runtime?tab=variables-tab");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-variables-table] tbody tr")));
        wait.until(driver -> "false".equals(js("return document.body.getAttribute('data-motcua-may-update')")));
        CockpitDossierView.screenshot(browser, "read-only-variables");
        assertThat(visible("[ng-click='enableEditMode(info, true)'], [ng-click='deleteVariable(v)']"))
                .as("variable edit and delete buttons").isZero();
        assertThat(visible(".ctn-toolbar a.btn-toolbar[ng-click='openDialog()']")).as("toolbar actions").isZero();
        assertThat(visible("[cam-widget-variables-table] td.actions")).isZero();
        // Camunda renders them; the page only hides them
        assertThat(browser.findElements(By.cssSelector("[ng-click='deleteVariable(v)']"))).isNotEmpty();
        // (the variables tab shows the engine's own data, type names such as String included: no English check here)
        // the engine refuses the write such a button would send, whatever the page shows
        Api.Response refused = Api.at(port).as("giamsat.taichinh", "demo").put("/engine-rest/process-instance/"
                + handling + "/variables/note", "{\"value\": \"sửa\", \"type\": \"String\"}");
        assertThat(refused.status()).isEqualTo(403);

        // the user tasks: no assignee or candidate changes
        browser.get(cockpit() + "#/process-instance/" + handling + "/runtime?tab=user-tasks-tab");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("td.assignee")));
        assertThat(visible("cam-in-place-text-field .edit-toggle, .change-group-identity-links, "
                + ".change-user-identity-links")).isZero();
        CockpitDossierView.screenshot(browser, "read-only-user-tasks");

        // the dossier from the handling instance's own toolbar
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ctn-toolbar a.motcua-dossier-action"))).click();
        wait.until(ExpectedConditions.urlContains("#/motcua/ho-so/" + code));
        CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.taichinh");

        // an administrator keeps Cockpit's controls
        CockpitDossierView.login(browser, port, "demo");
        browser.get(cockpit() + "#/process-instance/" + handling + "/runtime?tab=variables-tab");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-variables-table] tbody tr")));
        wait.until(driver -> "true".equals(js("return document.body.getAttribute('data-motcua-may-update')")));
        assertThat(visible("[ng-click='deleteVariable(v)']")).isPositive();
        assertThat(visible(".ctn-toolbar a.btn-toolbar[ng-click='openDialog()']")).isPositive();
        assertThat(browser.findElement(By.cssSelector("[cam-widget-variables-table] thead td.actions")).getText())
                .doesNotContain("Actions");
        CockpitDossierView.screenshot(browser, "administrator-variables");
    }

    @Test
    void anotherUnitsSupervisorIsRefusedInVietnameseAndSeesNoData() {
        CockpitDossierView.login(browser, port, "giamsat.phuxuan");
        assertThat(Api.at(port).as("giamsat.phuxuan", "demo").get("/api/dossiers/" + code).status()).isEqualTo(403);
        browser.get(cockpit() + "#/motcua/ho-so/" + code);
        WebElement view = CockpitDossierView.waitForView(browser, "error");
        CockpitDossierView.screenshot(browser, "refused");
        assertThat(view.findElement(By.cssSelector(".motcua-status")).getText()).isEqualTo("Bạn không có quyền xem hồ sơ "
                + code + ": hồ sơ này không do đơn vị của bạn tiếp nhận hoặc giải quyết.");
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("Giám Sát", "046090006543", "Thẩm định hồ sơ", "DNTN Theo Dõi");
        assertThat(view.findElements(By.cssSelector("[data-fact], table"))).isEmpty();
        assertThat(CockpitDossierView.englishOn(browser)).as("English on the refusal").isEmpty();

        // a code that is not one is not asked for
        browser.get(cockpit() + "#/motcua/ho-so/khong-phai-ma");
        WebElement bad = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector(".motcua-dossier[data-code='khong-phai-ma'][data-state='error']")));
        assertThat(bad.findElement(By.cssSelector(".motcua-status")).getText()).startsWith("Mã hồ sơ không đúng dạng");
    }

    @Test
    void theProcessInstancePageHasTheDossierTab() {
        CockpitDossierView.login(browser, port, "giamsat.hcc");
        browser.get(cockpit() + "#/process-instance/" + lifecycle + "/runtime");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Hồ sơ một cửa']"))).click();
        WebElement tab = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-instance-dossier[data-state='ready']")));
        JsonNode dossier = Api.at(port).as("giamsat.hcc", "demo").get("/api/dossiers/" + code).json();
        assertThat(tab.getText()).contains(dossier.get("procedureName").asText(), dossier.get("statusLabel").asText(),
                CockpitDossierView.shown(dossier.get("appointmentDate")));
        CockpitDossierView.screenshot(browser, "process-instance-tab");
        tab.findElement(By.cssSelector("a.motcua-open-dossier")).click();
        CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.hcc");
    }

    private long visible(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.stream().filter(WebElement::isDisplayed).count();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String cockpit() {
        return "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/";
    }
}
