package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reception officer opens a dossier's task in Camunda Tasklist (headless Chromium, Debian's
 * packages), sees the dossier's key facts in the Camunda Form, chooses a decision and completes it.
 */
@MotcuaTest
class TasklistBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort int port;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        profile = Files.createTempDirectory("motcua-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=vi", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReceptionOfficerReceivesADossierInTasklist() throws Exception {
        Api api = Api.at(port);
        Api counter = api.as("tiepnhan.hcc", "demo");
        String code = counter.post("/api/dossiers", EndToEndContract.intake("2.001610", "Nguyễn Thị Tasklist"))
                .json().get("code").asText();
        String taskId = counter.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0)
                .get("id").asText();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("tiepnhan.hcc");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-navigation], .tasks-list, .task-filters")));

        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            // the Camunda Form shows the dossier's key facts
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), code));
            assertThat(form.getText()).contains("Nguyễn Thị Tasklist").contains("Đăng ký thành lập doanh nghiệp tư nhân");

            WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[contains(@ng-click,'claim')] | //a[contains(@ng-click,'claim')]")));
            claim.click();

            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//label[contains(., 'Hồ sơ đầy đủ')]"))).click();
            WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[contains(@ng-click,'complete')]")));
            complete.click();

            wait.until(driver -> counter.get("/api/dossiers/" + code).json().get("statusCode").asInt() == 4);
        } finally {
            Path shot = Path.of("target", "tasklist-" + code + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
        assertThat(counter.get("/api/dossiers/" + code).json().get("history").get(1).get("actor").asText())
                .isEqualTo("tiepnhan.hcc");
    }
}
