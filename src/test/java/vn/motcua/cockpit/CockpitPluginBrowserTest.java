package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * The "Một cửa" Cockpit plugin in headless Chromium ({@link Chromium}: Debian's packages; skipped without them).
 * A supervisor logs in to Cockpit, and the plugin reads the report API with that session alone. Its data come from
 * {@link FakeReportsController}: the browser is pointed at it (localStorage {@code motcua.reportsApi}), and the
 * test reads the same fake with HTTP Basic to compare what the page shows with what the API says.
 */
@MotcuaTest
class CockpitPluginBrowserTest {

    static final String[] COUNTS = {"received", "receivedOnline", "receivedCounter", "finishedEarly", "finishedOnTime",
            "finishedLate", "inProgressNotDue", "inProgressDueSoon", "inProgressOverdue", "paused", "refused",
            "reappointed"};
    static final String[] RATES = {"onTimeRate", "onlineShare"};
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    WebDriver browser;
    WebDriverWait wait;
    Path downloads;
    Api supervisor;

    @BeforeEach
    void startBrowser() throws Exception {
        Chromium.assumeInstalled();
        downloads = Files.createTempDirectory("motcua-downloads");
        browser = Chromium.start(1400, 1000, options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        supervisor = Api.at(port).as("giamsat.noivu", "demo");
        FakeReportsController.INDICATOR_QUERIES.clear();
        FakeReportsController.EXTRA_OVERDUE.clear();
    }

    @AfterEach
    void stopBrowser(TestInfo test) throws Exception {
        FakeReportsController.EXTRA_OVERDUE.clear();
        if (browser != null) {
            screenshot(test.getTestMethod().map(m -> m.getName()).orElse("test") + "-end");
            browser.quit();
        }
    }

    /** target/cockpit-plugin-{name}.png, to look at. */
    private void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "cockpit-plugin-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCitySupervisorSeesTheApisIndicatorsChartsOverdueDossiersAndCsvInCockpit() throws Exception {
        // a real dossier among the overdue ones, so that its link can be followed into Cockpit
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        String code = counter.post("/api/dossiers", Map.of("procedureCode", "2.001610", "channel", "COUNTER",
                "applicant", Map.of("fullName", "Hồ Thị Quá Hạn", "idNumber", "046090007777", "phone", "0905123456",
                        "email", "qua.han@example.com", "address", "5 Lê Lợi, Huế"),
                "formData", Map.of("enterpriseName", "DNTN Quá Hạn"))).json().get("code").asText();
        String instance = Api.at(port).as("demo", "demo").get("/engine-rest/process-instance?businessKey=" + code)
                .json().get(0).get("id").asText();
        FakeReportsController.EXTRA_OVERDUE.add(JSON.readTree("""
                {"code": "%s", "procedureCode": "2.001610", "procedureName": "Đăng ký thành lập doanh nghiệp tư nhân",
                 "receivingUnit": "hcc", "applicantName": "Hồ Thị Quá Hạn", "appointmentAt": "2026-11-20T16:00:00+07:00",
                 "dueAt": "2026-11-20T16:00:00+07:00", "overdueWorkingMinutes": 630, "step": "Kiểm tra, tiếp nhận",
                 "stepUnit": "sotaichinh", "stepUnitName": "Sở Tài chính thành phố Huế",
                 "stepDueAt": "2026-11-19T10:00:00+07:00", "processInstanceId": "%s"}""".formatted(code, instance)));

        loginToCockpit("giamsat.noivu", FakeReportsController.PATH);

        // the dashboard's summary
        WebElement summary = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-summary[data-state='ready']")));
        screenshot("dashboard");
        JsonNode all = supervisor.get(FakeReportsController.PATH + "/indicators").json();
        assertThat(shown(summary.findElement(By.cssSelector("[data-total='received']"))))
                .isEqualTo(expected(all.get("total").get("received"))).isEqualTo("1340");
        assertThat(summary.findElement(By.cssSelector("[data-total='received']")).getText()).isEqualTo("1.340");
        assertThat(shown(summary.findElement(By.cssSelector("[data-total='onTimeRate']"))))
                .isEqualTo(expected(all.get("total").get("onTimeRate")));
        assertThat(shown(summary.findElement(By.cssSelector("[data-total='sipas']")))).isEqualTo(expected(all.get("sipas")));

        // the page, through Cockpit's menu
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.motcua-nav"))).click();
        WebElement page = waitForPage();
        screenshot("page");
        assertThat(browser.getCurrentUrl()).contains("#/motcua");
        assertThat(page.findElement(By.cssSelector("h2")).getText()).isEqualTo("Một cửa — Tình hình giải quyết hồ sơ");
        assertShows(page, all);
        assertThat(page.findElement(By.cssSelector(".motcua-status")).getText())
                .contains("Kỳ 01/08/2026 – 27/11/2026").contains("tất cả đơn vị").contains("27/11/2026 10:00");

        // charts: one bar group per unit, in the API's order; one point per month that has an on-time rate
        List<String> groups = page.findElements(By.cssSelector("svg.motcua-chart-units g.motcua-bar-group")).stream()
                .map(g -> g.getAttribute("data-unit")).toList();
        assertThat(groups).isEqualTo(values(all.get("perUnit"), "unit"));
        WebElement taichinh = page.findElement(By.cssSelector("g.motcua-bar-group[data-unit='sotaichinh']"));
        assertThat(taichinh.findElements(By.cssSelector("rect"))).hasSize(6);
        long months = 0;
        for (JsonNode m : all.get("perMonth")) {
            months += m.get("onTimeRate").isNull() ? 0 : 1;
        }
        assertThat(page.findElements(By.cssSelector("svg.motcua-chart-months circle[data-key='onTimeRate']")))
                .hasSize((int) months);
        assertThat(page.findElements(By.cssSelector("svg.motcua-chart-months polyline"))).isNotEmpty();

        // the overdue dossiers, each linked to its dossier view; names shown as text, never run as HTML
        JsonNode overdue = supervisor.get(FakeReportsController.PATH + "/overdue?limit=200").json();
        assertOverdue(page, overdue);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.motcuaXss === undefined")).isEqualTo(true);
        assertThat(page.findElement(By.cssSelector("tr[data-code='000.00.00.H57-261102-0003']")).getText())
                .contains("Lê Thị <b>Đậm</b> <img src=x onerror=\"window.motcuaXss=1\">")
                .contains("10/11/2026 09:30").contains("72 giờ 30 phút");

        // CSV of what is shown
        assertCsv(page, "indicators", "mot-cua-chi-so_2026-08-01_2026-11-27.csv", indicatorsCsv(all));
        String overdueCsv = assertCsv(page, "overdue", "mot-cua-ho-so-qua-han_2026-11-27.csv", overdueCsv(overdue));
        // quotes and commas quoted, a would-be formula defused
        assertThat(overdueCsv).contains(",\"Nguyễn \"\"Tí\"\", Huế\",")
                .contains(",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Bấm vào đây\"\")\",");

        // filters: one unit, one procedure, a period
        new Select(page.findElement(By.name("unit"))).selectByValue("sotaichinh");
        new Select(page.findElement(By.name("procedure"))).selectByValue("2.001610");
        setDate(page.findElement(By.name("from")), "2026-09-01");
        setDate(page.findElement(By.name("to")), "2026-11-30");
        page.findElement(By.cssSelector("form.motcua-filters button[type='submit']")).click();
        wait.until(driver -> page.findElements(By.cssSelector("table.motcua-per-unit tbody tr")).size() == 1
                && "ready".equals(page.getAttribute("data-state")));
        screenshot("filtered");
        String filter = "unit=sotaichinh&procedure=2.001610&from=2026-09-01&to=2026-11-30";
        assertThat(FakeReportsController.INDICATOR_QUERIES).last().isEqualTo(filter);
        JsonNode one = supervisor.get(FakeReportsController.PATH + "/indicators?" + filter).json();
        assertShows(page, one);
        assertThat(page.findElement(By.cssSelector(".motcua-status")).getText())
                .contains("Kỳ 01/09/2026 – 30/11/2026").contains("Sở Tài chính thành phố Huế")
                .contains("Đăng ký thành lập doanh nghiệp tư nhân");
        assertThat(page.findElements(By.cssSelector("svg.motcua-chart-units g.motcua-bar-group"))).hasSize(1);
        JsonNode oneOverdue = supervisor.get(FakeReportsController.PATH
                + "/overdue?unit=sotaichinh&procedure=2.001610&limit=200").json();
        assertThat(oneOverdue).hasSize(2);
        assertOverdue(page, oneOverdue);
        assertCsv(page, "indicators", "mot-cua-chi-so_2026-09-01_2026-11-30.csv", indicatorsCsv(one));
        assertCsv(page, "overdue", "mot-cua-ho-so-qua-han_2026-11-27.csv", overdueCsv(oneOverdue));
        // and the browser saves it as such: UTF-8 with a byte order mark
        page.findElement(By.cssSelector("a[data-export='indicators']")).click();
        Path saved = downloads.resolve("mot-cua-chi-so_2026-09-01_2026-11-30.csv");
        wait.until(driver -> Files.exists(saved));
        assertThat(Files.readAllBytes(saved)).startsWith(0xEF, 0xBB, 0xBF)
                .isEqualTo(indicatorsCsv(one).getBytes(StandardCharsets.UTF_8));

        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                page.findElement(By.cssSelector("table.motcua-overdue-list")));
        screenshot("overdue");
        // nothing of the plugin's went wrong in the page (modules, stylesheet, CSP, its requests); Cockpit's own
        // messages (its pre-login checks) are not the plugin's business
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(m -> m.contains("motcua") || m.contains("/api/") && !m.contains("/camunda/api/")).toList();
        assertThat(errors).isEmpty();

        // the real dossier's link opens its dossier view, read from the real dossier API
        page.findElement(By.cssSelector("tr[data-code='" + code + "'] a")).click();
        wait.until(ExpectedConditions.urlContains("#/motcua/ho-so/" + code));
        CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.noivu");
    }

    @Test
    void withoutAnOverrideThePluginReadsTheReportsApi() {
        loginToCockpit("giamsat.noivu", null);
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/motcua");
        wait.until(driver -> {
            Object state = ((JavascriptExecutor) driver).executeScript(
                    "const p = document.querySelector('.motcua-report:not(.motcua-summary)');"
                            + "return p && p.getAttribute('data-state');");
            return "ready".equals(state) || "error".equals(state);
        });
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)");
        assertThat(requests).contains("/api/reports/indicators", "/api/reports/overdue", "/api/procedures");

        // the page shows what the real API answers to the very request it made
        WebElement page = browser.findElement(By.cssSelector(".motcua-report:not(.motcua-summary)"));
        assertThat(page.getAttribute("data-state")).isEqualTo("ready");
        String asked = (String) ((JavascriptExecutor) browser).executeScript(
                "const u = performance.getEntriesByType('resource').map(e => new URL(e.name))"
                        + ".find(u => u.pathname === '/api/reports/indicators'); return u.pathname + u.search;");
        Api.Response real = supervisor.get(asked);
        assertThat(real.status()).isEqualTo(200);
        assertShows(page, real.json());

        // a period that ends before it starts is not asked for
        setDate(page.findElement(By.name("from")), "2026-11-30");
        setDate(page.findElement(By.name("to")), "2026-11-01");
        page.findElement(By.cssSelector("form.motcua-filters button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(page.findElement(By.cssSelector(".motcua-status")),
                "Ngày kết thúc không được trước ngày bắt đầu."));
        assertThat(page.getAttribute("data-state")).isEqualTo("error");
        assertThat(page.findElements(By.cssSelector("a[data-export][href]"))).isEmpty();
    }

    @Test
    void aUnitSupervisorTheApiRefusesIsToldSo() {
        loginToCockpit("giamsat.thuanhoa", FakeReportsController.PATH);
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/motcua");
        WebElement page = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-report:not(.motcua-summary)[data-state='error']")));
        assertThat(page.findElement(By.cssSelector(".motcua-status")).getText())
                .isEqualTo(FakeReportsController.FORBIDDEN_DETAIL);
        assertThat(page.findElements(By.cssSelector("a[data-export][href]"))).isEmpty();
        assertThat(page.findElements(By.cssSelector("table"))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ steps

    /** Cockpit's login page; the plugin's data source set first (null: the default), as this browser's setting. */
    private void loginToCockpit(String user, String reportsApi) {
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        if (reportsApi != null) {
            ((JavascriptExecutor) browser).executeScript("localStorage.setItem('motcua.reportsApi', arguments[0])",
                    reportsApi);
        }
        name.sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.motcua-nav")));
    }

    private WebElement waitForPage() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-report:not(.motcua-summary)[data-state='ready']")));
    }

    private void setDate(WebElement input, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, isoDate);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The tiles, the per-unit and the per-month tables show the report's numbers. */
    private void assertShows(WebElement page, JsonNode report) {
        JsonNode total = report.get("total");
        for (String key : concat(COUNTS, RATES)) {
            assertThat(shown(page.findElement(By.cssSelector(".motcua-tiles [data-total='" + key + "']"))))
                    .as("total " + key).isEqualTo(expected(total.get(key)));
        }
        assertThat(shown(page.findElement(By.cssSelector("[data-total='sipas']")))).isEqualTo(expected(report.get("sipas")));
        assertThat(shown(page.findElement(By.cssSelector("[data-total='sipasResponses']"))))
                .isEqualTo(expected(report.get("sipasResponses")));
        assertTable(page, "table.motcua-per-unit", "data-unit", report.get("perUnit"), "unit");
        assertTable(page, "table.motcua-per-month", "data-month", report.get("perMonth"), "month");
        // the Decision 766 indicators: a value with its unit, or "Chưa có" with the reason
        JsonNode decision766 = report.get("decision766").get("total");
        assertThat(page.findElements(By.cssSelector("table.motcua-766 tbody tr"))).hasSize(decision766.size());
        for (JsonNode indicator : decision766) {
            WebElement tr = page.findElement(By.cssSelector("table.motcua-766 tr[data-indicator='"
                    + indicator.get("code").asText() + "']"));
            String value = tr.findElement(By.cssSelector("td[data-key='value']")).getText();
            if (!indicator.get("available").asBoolean()) {
                assertThat(value).isEqualTo("Chưa có");
                assertThat(tr.getText()).contains(indicator.get("reason").asText());
            } else {
                String unit = indicator.get("unit").asText();
                assertThat(number(value.replace(unit, ""))).as(indicator.get("code").asText())
                        .isEqualTo(expected(indicator.get("value")));
            }
        }
    }

    private void assertTable(WebElement page, String table, String attribute, JsonNode rows, String idField) {
        assertThat(page.findElements(By.cssSelector(table + " tbody tr"))).hasSize(rows.size());
        for (JsonNode row : rows) {
            WebElement tr = page.findElement(By.cssSelector(table + " tr[" + attribute + "='" + row.get(idField).asText()
                    + "']"));
            for (String key : concat(COUNTS, RATES)) {
                assertThat(shown(tr.findElement(By.cssSelector("td[data-key='" + key + "']"))))
                        .as(row.get(idField).asText() + " " + key).isEqualTo(expected(row.get(key)));
            }
        }
        if (rows.size() > 0 && rows.get(0).has("unitName")) {
            assertThat(page.findElement(By.cssSelector(table + " tbody tr th")).getText())
                    .isEqualTo(rows.get(0).get("unitName").asText());
        }
    }

    private void assertOverdue(WebElement page, JsonNode overdue) {
        List<WebElement> rows = page.findElements(By.cssSelector("table.motcua-overdue-list tbody tr"));
        assertThat(rows).hasSize(overdue.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode dossier = overdue.get(i);
            WebElement link = rows.get(i).findElement(By.cssSelector("td a"));
            assertThat(link.getText()).isEqualTo(dossier.get("code").asText());
            assertThat(link.getAttribute("href")).endsWith("#/motcua/ho-so/" + dossier.get("code").asText());
            assertThat(rows.get(i).getText()).contains(dossier.get("applicantName").asText())
                    .contains(dossier.get("stepUnitName").asText());
        }
    }

    /** The export link's file name and content (returned); a data: URL, UTF-8 with a byte order mark. */
    private String assertCsv(WebElement page, String which, String fileName, String expected) {
        WebElement link = page.findElement(By.cssSelector("a[data-export='" + which + "']"));
        assertThat(link.getAttribute("download")).isEqualTo(fileName);
        String href = link.getAttribute("href");
        String prefix = "data:text/csv;charset=utf-8,";
        assertThat(href).startsWith(prefix);
        String text = URLDecoder.decode(href.substring(prefix.length()), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").isEqualTo(expected);
        return text;
    }

    // ------------------------------------------------------------------------------------------------ expectations

    /** What the CSV of the indicators holds: header, total with SIPAS, units, months; numbers as the API gives them. */
    static String indicatorsCsv(JsonNode report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Phạm vi", "Mã", "Tên", "Tiếp nhận", "Tiếp nhận trực tuyến", "Tiếp nhận trực tiếp",
                "Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn", "Đang giải quyết, chưa đến hạn",
                "Đang giải quyết, sắp đến hạn", "Đang giải quyết, quá hạn", "Tạm dừng", "Từ chối", "Hẹn lại ngày trả",
                "Tỷ lệ đúng hạn (%)", "Tỷ lệ trực tuyến (%)", "SIPAS (%)", "Số phiếu SIPAS"));
        List<String> total = new ArrayList<>(List.of("Tổng", "", "Tổng cộng"));
        total.addAll(counts(report.get("total")));
        total.add(csvNumber(report.get("sipas")));
        total.add(csvNumber(report.get("sipasResponses")));
        rows.add(total);
        for (JsonNode unit : report.get("perUnit")) {
            List<String> row = new ArrayList<>(List.of("Đơn vị", unit.get("unit").asText(), unit.get("unitName").asText()));
            row.addAll(counts(unit));
            row.addAll(List.of("", ""));
            rows.add(row);
        }
        for (JsonNode month : report.get("perMonth")) {
            String m = month.get("month").asText();
            List<String> row = new ArrayList<>(List.of("Tháng", m, "Tháng " + m.substring(5) + "/" + m.substring(0, 4)));
            row.addAll(counts(month));
            row.addAll(List.of("", ""));
            rows.add(row);
        }
        return csv(rows);
    }

    static String overdueCsv(JsonNode overdue) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Mã hồ sơ", "Mã thủ tục", "Thủ tục", "Đơn vị tiếp nhận", "Người nộp", "Ngày hẹn trả",
                "Hạn giải quyết", "Quá hạn (phút làm việc)", "Bước đang xử lý", "Mã đơn vị giữ bước", "Đơn vị giữ bước",
                "Hạn của bước", "Process instance"));
        for (JsonNode d : overdue) {
            List<String> row = new ArrayList<>();
            for (String field : List.of("code", "procedureCode", "procedureName", "receivingUnit", "applicantName",
                    "appointmentAt", "dueAt", "overdueWorkingMinutes", "step", "stepUnit", "stepUnitName", "stepDueAt",
                    "processInstanceId")) {
                row.add(d.get(field).isNumber() ? csvNumber(d.get(field)) : text(d.get(field)));
            }
            rows.add(row);
        }
        return csv(rows);
    }

    private static List<String> counts(JsonNode row) {
        List<String> values = new ArrayList<>();
        for (String key : concat(COUNTS, RATES)) {
            values.add(csvNumber(row.get(key)));
        }
        return values;
    }

    /** As JavaScript writes a number: 72.50 → 72.5, 40.00 → 40; null → empty. */
    private static String csvNumber(JsonNode value) {
        return value == null || value.isNull() ? "" : value.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\t\r].*", Pattern.DOTALL);

    private static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String field : row) {
                String f = FORMULA.matcher(field).matches() && !isNumber(field) ? "'" + field : field;
                fields.add(f.matches("(?s).*[\",\r\n].*") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
            }
            out.append(String.join(",", fields)).append("\r\n");
        }
        return out.toString();
    }

    private static boolean isNumber(String field) {
        return field.matches("-?\\d+(\\.\\d+)?");
    }

    // ------------------------------------------------------------------------------------------------ reading the page

    /** A number as the page shows it (Vietnamese: 1.340 and 89,66 %) in plain form (1340, 89.66), or — for none. */
    private static String shown(WebElement element) {
        return number(element.getText());
    }

    private static String number(String text) {
        String t = text.replace("%", "").replace("\u00a0", "").trim();
        return t.equals("—") ? t : new BigDecimal(t.replace(".", "").replace(",", ".")).stripTrailingZeros().toPlainString();
    }

    /** The API's number in the same plain form. */
    private static String expected(JsonNode value) {
        return value == null || value.isNull() ? "—" : value.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
