package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * The catalog page of Camunda Admin (the Motcua plugin, headless Chromium): the administrator finds it on Admin's
 * start page, checks a file with a bad row (nothing written), imports it (the good rows applied, the bad one
 * refused with its reason in Vietnamese), sees the import in the list and its report again, on the Admin login
 * alone. Values of the file reach the page as text. Screenshots in {@code target/catalog-admin-*.png}.
 */
@MotcuaTest
class CatalogAdminBrowserTest {

    static final String HEADER = "Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Đơn vị tiếp nhận;Thời hạn giải quyết;"
            + "Đơn vị thời gian;Lệ phí (đồng);Nộp trực tuyến\n";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    WebDriver browser;
    WebDriverWait wait;
    Path folder;

    @BeforeEach
    void startBrowser() throws Exception {
        Chromium.assumeInstalled();
        folder = Files.createTempDirectory("motcua-catalog-admin");
        browser = Chromium.start(1400, 1000, options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            shot("end");
            browser.quit();
        }
    }

    @Test
    void theAdministratorChecksAndImportsAFileAndReadsThePerRowReportInAdmin() throws Exception {
        Path file = folder.resolve("danh-muc-thu.csv");
        Files.writeString(file, HEADER
                + "9.810001;Thủ tục thử trang quản trị một;Thử nghiệm;Xã;phuongthuanhoa;5;ngày làm việc;0;Có\n"
                + "9.810002;Thủ tục <img src=x onerror=\"window.motcuaXss=1\">;Thử nghiệm;Huyện;phuongthuanhoa;5;"
                + "ngày làm việc;0;Có\n"
                + "9.810003;Thủ tục thử trang quản trị ba;Thử nghiệm;Tỉnh;hcc;10;ngày;50.000;Không\n",
                StandardCharsets.UTF_8);

        browser.get("http://127.0.0.1:" + port + "/camunda/app/admin/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("demo");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // Admin's start page: the catalog's section, how many procedures, a link to the page
        long procedures = jdbc.queryForObject("select count(*) from procedure_def", Long.class);
        WebElement summary = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".motcua-catalog-dashboard")));
        wait.until(driver -> summary.getText().contains("thủ tục trong danh mục"));
        assertThat(summary.getText()).startsWith(String.format("%,d", procedures).replace(',', '.') + " thủ tục");
        shot("dashboard");
        browser.findElement(By.cssSelector("a[href='#/danh-muc-thu-tuc']:not([class])")).click();
        WebElement page = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".motcua-catalog")));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Danh mục thủ tục hành chính");
        assertThat(page.findElement(By.cssSelector("a.motcua-catalog-export")).getAttribute("href"))
                .endsWith("/api/catalog/export.csv");

        // check only: the report, nothing written
        page.findElement(By.id("motcua-catalog-file")).sendKeys(file.toString());
        page.findElement(By.id("motcua-catalog-dry-run")).click();
        page.findElement(By.cssSelector(".motcua-catalog-form button[type='submit']")).click();
        WebElement dry = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-catalog-report[data-dry-run='true']")));
        assertThat(dry.findElement(By.cssSelector(".motcua-catalog-summary")).getText())
                .isEqualTo("3 dòng · 2 thêm mới · 0 cập nhật · 0 không đổi · 0 giữ nguyên · 1 từ chối");
        assertThat(codes("9.81000%")).isZero();
        shot("dry-run");

        // the import itself
        page.findElement(By.id("motcua-catalog-dry-run")).click();
        page.findElement(By.cssSelector(".motcua-catalog-form button[type='submit']")).click();
        WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-catalog-report[data-dry-run='false']")));
        assertThat(report.findElement(By.tagName("h3")).getText()).startsWith("Lần nhập số ");
        WebElement refused = report.findElement(By.cssSelector("tr[data-outcome='REFUSED']"));
        assertThat(refused.getAttribute("data-line")).isEqualTo("3");
        assertThat(refused.getText()).contains("9.810002").contains("Từ chối")
                .contains("Cấp thực hiện «Huyện»: từ ngày 01/7/2025 không còn cấp huyện");
        assertThat(report.findElements(By.cssSelector("tr[data-outcome='CREATED']"))).hasSize(2);
        assertThat(codes("9.81000%")).isEqualTo(2);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.motcuaXss === undefined")).isEqualTo(true);
        shot("imported");

        // the list of imports, and the report read back
        wait.until(driver -> !page.findElements(By.cssSelector(".motcua-catalog-imports tbody tr")).isEmpty());
        long id = jdbc.queryForObject("select max(id) from catalog_import", Long.class);
        WebElement latest = page.findElement(By.cssSelector(".motcua-catalog-imports tr[data-import='" + id + "']"));
        assertThat(latest.getText()).contains("danh-muc-thu.csv").contains("demo").contains("Tải lên");
        browser.navigate().refresh();
        WebElement again = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-catalog-imports tr[data-import='" + id + "'] button")));
        again.click();
        WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".motcua-catalog-report")));
        assertThat(shown.findElement(By.tagName("h3")).getText()).isEqualTo("Lần nhập số " + id + ": tệp «danh-muc-thu.csv»");
        assertThat(shown.findElements(By.cssSelector("tr[data-outcome='REFUSED']"))).hasSize(1);

        // nothing of the plugin's went wrong in the page (module, stylesheet, CSP, its requests)
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(m -> m.contains("motcua") || m.contains("/api/") && !m.contains("/camunda/api/")).toList();
        assertThat(errors).isEmpty();
    }

    private long codes(String like) {
        return jdbc.queryForObject("select count(*) from procedure_def where code like ?", Long.class, like);
    }

    private void shot(String name) throws Exception {
        Path shot = Path.of("target", "catalog-admin-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
