package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * Cockpit in Vietnamese for a browser that asks for English (headless Chromium, {@link Chromium}; skipped without
 * it): a city supervisor's login page, dashboard, process definitions, a process definition with its running
 * instances, and the "Một cửa" plugin page show Vietnamese, with none of Cockpit's English texts left on them; a
 * wrong login is refused in Vietnamese.
 * What counts as English: a fixed list of the words an officer would meet, and every text of Camunda's own
 * {@code en.json} that is a phrase or a word of four letters or more. Screenshots in {@code target/screenshots/}.
 */
@MotcuaTest
class CockpitVietnameseBrowserTest {

    /** English an officer would see on these screens were Cockpit not translated (whole words, case as shown). */
    static final List<String> ENGLISH = List.of("Claim", "Complete", "Filter", "Dashboard", "Processes", "Decisions",
            "Human Tasks", "Deployments", "More", "Users", "Groups", "Log out", "Log in", "Sort by", "Created", "Due",
            "Username", "Password", "Please Log in", "Running Process Instances", "Open Incidents", "Open Human Tasks",
            "Process Definitions", "Decision Definitions", "Case Definitions", "Right Now", "Deployed", "Instances",
            "Incidents", "Running", "State", "Name", "Key", "Version", "Start Time", "Business Key", "Add criteria",
            "Loading", "Powered by", "Date and Time displayed in local timezone", "Migrate", "Called Process",
            "Job Definitions", "Variables", "Audit Log", "Definition Version", "Tenant", "Suspend", "Previews",
            "Report", "List", "Search", "Welcome");

    /** Words kept in Vietnamese as they are: names and acronyms (and the plugin's own name for its data). */
    static final Set<String> KEPT = Set.of("Camunda", "Cockpit", "Tasklist", "Admin", "BPMN", "DMN", "CMMN", "DRD",
            "ID", "CSV", "JSON", "REST", "XML", "URL", "API", "OK", "SIPAS", "Platform");

    static final ObjectMapper JSON = new ObjectMapper();
    static List<Pattern> english;

    @LocalServerPort int port;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void englishTexts() throws IOException {
        Set<String> texts = new LinkedHashSet<>(ENGLISH);
        try (InputStream in = CockpitVietnameseBrowserTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/camunda/app/cockpit/locales/en.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode labels = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text).get("labels");
            for (Iterator<JsonNode> it = labels.elements(); it.hasNext();) {
                String value = it.next().asText().strip();
                if (value.matches("[A-Za-z][A-Za-z '-]*[A-Za-z]") && !KEPT.containsAll(List.of(value.split("[ '-]+")))
                        && (value.contains(" ") || value.length() >= 4)) {
                    texts.add(value);
                }
            }
        }
        english = texts.stream().map(t -> Pattern.compile("(?<![\\p{L}\\p{N}_.])" + Pattern.quote(t)
                + "(?![\\p{L}\\p{N}_])")).toList();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start(1400, 1000, options -> {
            options.addArguments("--lang=en-US");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            screenshot("end");
            browser.quit();
        }
    }

    @Test
    void aSupervisorWithAnEnglishBrowserSeesCockpitInVietnamese() throws Exception {
        // a running dossier, so that the process definition has an instance to list
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        String code = counter.post("/api/dossiers", Map.of("procedureCode", "2.001610", "channel", "COUNTER",
                "applicant", Map.of("fullName", "Lê Văn Giám Sát", "idNumber", "046090001234", "phone", "0905111222",
                        "email", "giam.sat@example.com", "address", "12 Hùng Vương, Huế"),
                "formData", Map.of("enterpriseName", "DNTN Bản Dịch"))).json().get("code").asText();
        JsonNode instance = Api.at(port).as("demo", "demo").get("/engine-rest/process-instance?businessKey=" + code)
                .json().get(0);
        String definitionId = instance.get("definitionId").asText();

        // the login page, for a browser that prefers English
        String cockpit = "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/";
        browser.get(cockpit);
        assertThat((String) js("return navigator.languages[0]")).startsWith("en");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type='submit']"),
                "Đăng nhập"));
        assertVietnamese("login", "Đăng nhập", "Ngày giờ hiển thị theo múi giờ địa phương", "Vận hành trên nền");
        assertThat(name.getAttribute("placeholder")).isEqualTo("Tên đăng nhập");
        assertThat(browser.findElement(By.cssSelector("input[ng-model='password']")).getAttribute("placeholder"))
                .isEqualTo("Mật khẩu");
        assertThat((String) js("return window.angular && angular.element(document.body).injector()"
                + ".get('$translate').use()")).isEqualTo("vi");

        // a user that does not exist (a wrong password would make the engine delay the supervisor's next login):
        // Cockpit's refusal in Vietnamese
        name.sendKeys("khong.co.nguoi.nay");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("sai-mat-khau");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        waitForText("Sai thông tin đăng nhập, tài khoản bị khóa hoặc không có quyền truy cập ứng dụng");
        assertVietnamese("login-refused", "Đăng nhập không thành công");

        // the dashboard, with the plugin's summary (Cockpit empties both fields after a refusal)
        js("localStorage.setItem('motcua.reportsApi', arguments[0])", FakeReportsController.PATH);
        name = browser.findElement(By.cssSelector("input[ng-model='username']"));
        name.clear();
        name.sendKeys("giamsat.noivu");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".motcua-summary[data-state='ready']")));
        waitForText("Phiên bản quy trình đang chạy");
        assertVietnamese("dashboard", "Quy trình", "Quyết định", "Công việc thủ công", "Hiện tại",
                "Phiên bản quy trình đang chạy", "Sự cố đang mở", "Định nghĩa quy trình", "Triển khai");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .as("the Camunda 8 banner").isEmpty();

        // the process definitions
        browser.get(cockpit + "#/processes");
        waitForText("dossierLifecycle");
        assertVietnamese("processes", "định nghĩa quy trình đã triển khai", "Quy trình một cửa");

        // a process definition and its running instances
        browser.get(cockpit + "#/process-definition/" + definitionId + "/runtime");
        waitForText(code);
        assertVietnamese("process-definition", "Phiên bản quy trình", "Mã hồ sơ (business key)");

        // the "Một cửa" plugin page, reached through the menu
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.motcua-nav"))).click();
        WebElement page = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-report:not(.motcua-summary)[data-state='ready']")));
        assertThat(page.findElement(By.cssSelector("h2")).getText()).isEqualTo("Một cửa — Tình hình giải quyết hồ sơ");
        assertThat(page.findElements(By.cssSelector("table.motcua-per-unit tbody tr"))).isNotEmpty();
        assertVietnamese("motcua", "Một cửa — Tình hình giải quyết hồ sơ");
    }

    /** The screen's visible texts (and its fields' placeholders) hold these Vietnamese texts and no English one. */
    private void assertVietnamese(String screen, String... expected) throws IOException {
        screenshot(screen);
        String text = visibleText();
        assertThat(text).as(screen).contains(expected);
        List<String> left = new ArrayList<>();
        for (Pattern p : english) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 30);
                left.add(m.group() + " … «" + text.substring(from, Math.min(text.length(), m.end() + 30))
                        .replace('\n', ' ') + "»");
            }
        }
        assertThat(left).as("English left on the " + screen + " screen").isEmpty();
    }

    private String visibleText() {
        return (String) js("const placeholders = [...document.querySelectorAll('input, textarea')]"
                + ".filter(e => e.offsetParent !== null && e.placeholder).map(e => e.placeholder);"
                + "return document.body.innerText + '\\n' + placeholders.join('\\n');");
    }

    private void waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        // and Cockpit's loading indicators gone
        wait.until(driver -> !visibleText().contains("Đang tải"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** target/screenshots/cockpit-vi-{screen}.png, to look at. */
    private void screenshot(String screen) throws IOException {
        Path shot = Path.of("target", "screenshots", "cockpit-vi-" + screen + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
