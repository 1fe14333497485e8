package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
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

/**
 * A reception officer opens a dossier's task in Camunda Tasklist (headless Chromium, Debian's
 * packages), sees the dossier's key facts in the Camunda Form, chooses a decision and completes it.
 */
@MotcuaTest
class TasklistBrowserTest {

    @LocalServerPort int port;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start(1400, 1000, options -> { });
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
        logIn(wait, "tiepnhan.hcc");

        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            // the Camunda Form shows the dossier's key facts
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), code));
            assertThat(fact("motcua-applicant")).isEqualTo("Nguyễn Thị Tasklist");
            assertThat(fact("motcua-id-number")).isEqualTo("046090001234");
            assertThat(browser.findElement(By.cssSelector(".fjs-form .motcua-panel")).getText())
                    .contains("Đăng ký thành lập doanh nghiệp tư nhân");

            WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[contains(@ng-click,'claim')] | //a[contains(@ng-click,'claim')]")));
            claim.click();

            // the dossier panel makes the form taller than the window, and the form is drawn again once claimed:
            // bring the choice into view and click it once it stays put
            By approve = By.xpath("//label[contains(., 'Hồ sơ đầy đủ')]");
            wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
                        WebElement choice = driver.findElement(approve);
                        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                                choice);
                        choice.click();
                        return true;
                    });
            WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[contains(@ng-click,'complete')]")));
            // the form's facts make it taller than the window: bring the button into view first
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
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

    /**
     * What a citizen typed is data, never markup: a name (or a field of the procedure) that is an HTML element, a
     * script or a markdown link shows literally in the dossier panel of the Camunda Form, and neither becomes an
     * element nor a link nor runs.
     */
    @Test
    void anApplicantNameThatIsMarkupShowsAsTextInTasklist() throws Exception {
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        String element = "\"><img src=x onerror=\"window.motcuaXss1=1\">";
        String script = "<script>window.motcuaXss2=1</script>";
        String link = "[Bấm vào đây](https://evil.example/) {{dossierPanel.code}}";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        logIn(wait, "tiepnhan.hcc");
        for (String name : new String[] {element, script, link}) {
            Map<String, Object> intake = new java.util.HashMap<>(EndToEndContract.intake("2.001610", name));
            intake.put("formData", Map.of("enterpriseName", name, "request", "<b>đậm</b>\n" + link));
            String code = counter.post("/api/dossiers", intake).json().get("code").asText();
            String taskId = counter.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0)
                    .get("id").asText();
            browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
            try {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), code));
                wait.until(driver -> name.equals(fact("motcua-applicant")));
                assertThat(browser.findElement(By.cssSelector(".fjs-form .motcua-fields")).getText()).contains(name)
                        .contains("<b>đậm</b>");
                JavascriptExecutor page = (JavascriptExecutor) browser;
                assertThat(page.executeScript("return document.querySelectorAll('img[src=\"x\"]').length"))
                        .isEqualTo(0L);
                assertThat(page.executeScript("return document.querySelectorAll('a[href*=\"evil\"]').length"))
                        .isEqualTo(0L);
                assertThat(page.executeScript("return document.querySelectorAll('.fjs-form b').length"))
                        .isEqualTo(0L);
                assertThat(page.executeScript("return document.querySelectorAll('.fjs-form script').length"))
                        .isEqualTo(0L);
                assertThat(page.executeScript("return typeof window.motcuaXss1 + ' ' + typeof window.motcuaXss2"))
                        .isEqualTo("undefined undefined");
            } finally {
                Path shot = Path.of("target", "tasklist-markup-" + code + ".png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            }
        }
    }

    private void logIn(WebDriverWait wait, String user) {
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasklist-navigation], .tasks-list, .task-filters")));
    }

    /** The text a cell of the dossier panel of the task's Camunda Form shows (by its class). */
    private String fact(String cell) {
        List<WebElement> cells = browser.findElements(By.cssSelector(".fjs-form .motcua-panel ." + cell));
        return cells.isEmpty() ? null : cells.get(0).getText();
    }
}
