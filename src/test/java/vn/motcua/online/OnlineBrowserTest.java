package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * A citizen on a 360 px wide phone (headless Chromium, Debian's packages) opens the catalog, files a
 * birth registration online with a scanned paper attached, and looks the dossier up on /tra-cuu.
 */
@MotcuaTest
class OnlineBrowserTest {

    @LocalServerPort int port;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        // a phone's viewport: 360 CSS pixels wide (a headless window itself is never narrower than 500)
        browser = Chromium.start(500, 900, options -> options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 360, "height", 780, "pixelRatio", 1.0, "touch", true))));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenFilesOnlineWithAnAttachmentAndLooksTheDossierUp() throws Exception {
        Path scan = Files.createTempFile("giay-chung-sinh", ".pdf");
        Files.write(scan, Samples.pdf("giấy chứng sinh, bản quét"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String base = "http://127.0.0.1:" + port;
        try {
            browser.get(base + "/");
            assertThat(js("return document.documentElement.lang")).isEqualTo("vi");
            assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(360);
            assertThat(fitsTheScreen()).as("no horizontal scrolling at 360 px").isTrue();
            // the first Tab reaches the skip link, which leads to the main content
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("href")).endsWith("#noi-dung");
            shot("online-home");

            browser.findElement(By.cssSelector("a[href='/nop-ho-so/" + Samples.BIRTH + "']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fullName")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nộp hồ sơ trực tuyến");
            assertThat(fitsTheScreen()).isTrue();
            // every input has its label
            assertThat(((Number) js("return [...document.querySelectorAll('input:not([type=hidden]),textarea')]"
                    + ".filter(i => !document.querySelector('label[for=\"' + i.id + '\"]')).length")).intValue()).isZero();
            browser.findElement(By.id("fullName")).sendKeys("Nguyễn Thị Trình Duyệt");
            browser.findElement(By.id("idNumber")).sendKeys(Samples.ID_NUMBER);
            browser.findElement(By.id("phone")).sendKeys("0914555666");
            browser.findElement(By.id("email")).sendKeys("trinhduyet@example.com");
            browser.findElement(By.id("address")).sendKeys("3 Lê Lợi, phường Thuận Hóa, Huế");
            browser.findElement(By.id("request")).sendKeys("Đăng ký khai sinh cho con thứ hai.");
            browser.findElement(By.id("files")).sendKeys(scan.toAbsolutePath().toString());
            shot("online-filing");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            WebElement codeShown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ma-ho-so")));
            String code = codeShown.getText();
            assertThat(code).matches("000\\.00\\.41\\.H57-\\d{6}-\\d{4}");
            assertThat(browser.getCurrentUrl()).contains("/nop-ho-so/da-nop");
            shot("online-filed");

            browser.findElement(By.cssSelector("main a[href='/tra-cuu?ma=" + code + "']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber")));
            assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);
            browser.findElement(By.id("idNumber")).sendKeys(Samples.ID_NUMBER);
            browser.findElement(By.cssSelector("form[action='/tra-cuu'] button[type=submit]")).click();

            WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trang-thai")));
            assertThat(status.getText()).isEqualTo("Trạng thái: Mới đăng ký");
            String page = browser.findElement(By.tagName("main")).getText();
            assertThat(page).contains(code).contains("Đăng ký khai sinh").contains("UBND phường Thuận Hóa")
                    .contains("Nguyễn Thị Trình Duyệt").contains(scan.getFileName().toString())
                    .contains("Quá trình xử lý").doesNotContain(Samples.ID_NUMBER);
            assertThat(fitsTheScreen()).isTrue();
            shot("online-lookup");
        } finally {
            Files.deleteIfExists(scan);
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private boolean fitsTheScreen() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    private void shot(String name) throws Exception {
        Path file = Path.of("target", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
