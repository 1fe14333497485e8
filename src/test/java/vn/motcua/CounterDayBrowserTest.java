package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.cockpit.CockpitDossierView;

/**
 * A day at the counter, worked only through Tasklist's pages (headless Chromium, Debian's) by the demo catalog's
 * officers: the counter of the city's centre receives an enterprise registration with one paper missing (Form 02
 * lists exactly that paper), the citizen brings it and the counter records it with its scan, the counter receives
 * the dossier, Sở Tài chính's specialist appraises it seeing the papers, its leader approves it seeing the
 * specialist's opinion, and the counter attaches the electronic result and returns it. The project's API is called
 * only to assert what the pages did. Screenshots of each screen go to target/screenshots/counter-day-*.png (and
 * counter-complete-*.png for a complete dossier received on the spot).
 */
@MotcuaTest
class CounterDayBrowserTest {

    static final String ENTERPRISE = "2.001610";
    static final String OPINION = "Hồ sơ hợp lệ; tên doanh nghiệp không trùng. Đề nghị cấp Giấy chứng nhận.";

    @LocalServerPort int port;
    WebDriver browser;
    WebDriverWait wait;
    Api demo;
    int screen;
    String screens = "counter-day";
    final List<Path> files = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start(1400, 1500, options -> { });
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
        demo = Api.at(port).as("demo", "demo");
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            shot("last");
            browser.quit();
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void oneDossierFromTheCounterToTheReturnedResult() throws Exception {
        List<JsonNode> papers = new ArrayList<>();
        demo.get("/api/procedures/" + ENTERPRISE).json().get("documents").forEach(papers::add);
        assertThat(papers).hasSize(3);
        String missingPaper = papers.get(2).get("name").asText();

        // 1. the counter receives the dossier from Tasklist's "Start process": two papers of three, one scanned
        logIn("tiepnhan.hcc");
        browser.findElement(By.cssSelector("li.start-process-action a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., 'Tiếp nhận hồ sơ tại quầy')]")))
                .click();
        Select procedure = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("motcua-procedure"))));
        wait.until(driver -> procedure.getOptions().size() > 1);
        shot("khoi-tao-tiep-nhan-tai-quay");
        procedure.selectByVisibleText(ENTERPRISE + " — Đăng ký thành lập doanh nghiệp tư nhân");
        type("motcua-fullName", "Trần Văn Quầy");
        type("motcua-idNumber", "04609");
        type("motcua-phone", "0905777888");
        type("motcua-email", "quay@example.com");
        type("motcua-address", "25 Lê Lợi, phường Thuận Hóa, Huế");
        type("motcua-field-enterpriseName", "Doanh nghiệp tư nhân Quầy Một");
        click(By.id("motcua-paper-0"));
        click(By.id("motcua-paper-1"));
        browser.findElement(By.cssSelector("input.motcua-scan[data-paper='0']"))
                .sendKeys(pdf("giay-de-nghi.pdf").toString());
        click(By.cssSelector("input[name='decision'][value='SUPPLEMENT']"));
        type("motcua-note", "Mang theo bản gốc giấy tờ pháp lý để đối chiếu.");
        // a wrong ID number: the form says so under the field, in Vietnamese, and nothing is filed
        click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".motcua-intake"),
                "Số định danh cá nhân phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ)."));
        shot("loi-so-dinh-danh");
        type("motcua-idNumber", "046090007777");
        shot("tiep-nhan-thieu-mot-giay-to");
        click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".motcua-result")));
        String code = result.findElement(By.cssSelector(".motcua-result-code")).getText().strip();
        shot("ket-qua-tiep-nhan-mau-02");

        JsonNode filed = dossier(code);
        assertThat(filed.get("statusCode").asInt()).isEqualTo(5);
        assertThat(filed.get("channel").asText()).isEqualTo("COUNTER");
        assertThat(filed.get("history").get(0).get("actor").asText()).isEqualTo("tiepnhan.hcc");
        assertThat(filed.get("digitisedAt").isNull()).isFalse();
        assertThat(filed.get("papers").get(2).get("received").asBoolean()).isFalse();
        assertThat(filed.get("papers").get(0).get("files").get(0).get("name").asText()).isEqualTo("giay-de-nghi.pdf");
        // the printed Form 02 asks for exactly the paper not ticked
        String form02 = demo.page("/api/dossiers/" + code + "/documents/02").body();
        assertThat(form02).contains(missingPaper).doesNotContain(papers.get(0).get("name").asText())
                .doesNotContain(papers.get(1).get("name").asText());
        printFromTheResult(code, "02", missingPaper);
        click(By.cssSelector(".modal-footer button[ng-click='$dismiss()']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

        // 2. the citizen brings the missing paper: the counter records it, with its scan
        openTask(code, "Nhận hồ sơ bổ sung");
        claim();
        new Select(wait.until(driver -> {
            WebElement select = driver.findElement(By.cssSelector(".motcua-upload-paper"));
            return select.findElements(By.tagName("option")).size() > 3 ? select : null;
        })).selectByValue("2");
        browser.findElement(By.cssSelector(".motcua-upload .motcua-upload-input"))
                .sendKeys(pdf("uy-quyen.pdf").toString());
        click(By.cssSelector(".motcua-upload-send"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".motcua-upload-list"),
                "uy-quyen.pdf"));
        click(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[contains(., '3. ')]"));
        shot("nhan-ho-so-bo-sung");
        complete();
        wait.until(driver -> dossier(code).get("statusCode").asInt() == 1);
        JsonNode supplemented = dossier(code);
        assertThat(supplemented.get("papers").get(2).get("received").asBoolean()).isTrue();
        assertThat(supplemented.get("papers").get(2).get("files").get(0).get("kind").asText()).isEqualTo("SUPPLEMENT");

        // 3. the counter receives it now: nothing is left to tick, Form 01 is offered for printing
        openTask(code, "Kiểm tra, tiếp nhận hồ sơ");
        claim();
        click(By.xpath("//label[contains(., 'Hồ sơ đầy đủ')]"));
        shot("kiem-tra-tiep-nhan");
        complete();
        WebElement printables = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".motcua-printables")));
        assertThat(printables.getText()).contains("Mẫu 01");
        shot("in-giay-tiep-nhan-mau-01");
        JsonNode received = dossier(code);
        assertThat(received.get("statusCode").asInt()).isEqualTo(4);
        assertThat(received.get("appointmentDate").isNull()).isFalse();

        // 4. the specialist appraises, seeing the papers and opening a scan
        logIn("chuyenvien.taichinh");
        openTask(code, "Thẩm định hồ sơ");
        WebElement scan = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//a[contains(@class,'motcua-file') and contains(., 'uy-quyen.pdf')]")));
        assertThat(panelText()).contains("046090007777").contains("0905777888").contains("Doanh nghiệp tư nhân Quầy Một")
                .contains(missingPaper).contains("giay-de-nghi.pdf");
        assertThat(fetchStatus(scan.getAttribute("href"))).isEqualTo(200);
        claim();
        click(By.xpath("//label[contains(., 'Đủ điều kiện')]"));
        type(By.cssSelector("textarea[id$='Field_note']"), OPINION);
        shot("tham-dinh");
        complete();
        wait.until(driver -> demo.get("/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey="
                + "Task_approve").json().size() == 1);

        // 5. the leader approves with the specialist's opinion in view
        logIn("lanhdao.taichinh");
        openTask(code, "Phê duyệt kết quả");
        WebElement opinion = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".motcua-panel .motcua-opinion")));
        assertThat(opinion.getText()).contains("Thẩm định hồ sơ").contains(OPINION).contains("Trần Văn Minh");
        // the history names the steps, never the processes' ids
        assertThat(panelText()).contains("Tiếp nhận, hẹn trả kết quả").contains("Nhận hồ sơ bổ sung")
                .doesNotContain("Task_");
        claim();
        click(By.xpath("//label[contains(., 'Phê duyệt, ký kết quả')]"));
        shot("phe-duyet");
        complete();
        wait.until(driver -> dossier(code).get("statusCode").asInt() == 9);

        // 6. the counter attaches the electronic result and returns it
        logIn("tiepnhan.hcc");
        openTask(code, "Trả kết quả cho công dân");
        claim();
        click(By.xpath("//label[contains(., 'Trả kết quả điện tử')]"));
        complete();
        // no result attached yet: refused, in Vietnamese
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"),
                "hãy đính kèm tệp kết quả"));
        browser.findElement(By.cssSelector(".motcua-upload .motcua-upload-input"))
                .sendKeys(pdf("giay-chung-nhan-dkdn.pdf").toString());
        click(By.cssSelector(".motcua-upload-send"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".motcua-upload-list"),
                "giay-chung-nhan-dkdn.pdf"));
        shot("tra-ket-qua");
        complete();
        wait.until(driver -> dossier(code).get("statusCode").asInt() == 10);
        JsonNode returned = dossier(code);
        assertThat(returned.get("attachments").findValuesAsText("kind")).contains("RESULT");
        assertThat(Api.at(port).download("/api/public/dossiers/" + code + "/result?idNumber=046090007777", "*/*")
                .status()).isEqualTo(200);

        supervisorOpensTheDossierViewInCockpit(code);
    }

    /** A complete dossier at a ward's counter: received on the spot, its appointment shown, Form 01 printed. */
    @Test
    void aCompleteDossierIsReceivedOnTheSpotAndItsReceiptPrinted() throws Exception {
        screens = "counter-complete";
        logIn("tiepnhan.thuanhoa");
        browser.findElement(By.cssSelector("li.start-process-action a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., 'Tiếp nhận hồ sơ tại quầy')]")))
                .click();
        Select procedure = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("motcua-procedure"))));
        wait.until(driver -> procedure.getOptions().size() > 1);
        // the ward's counter is offered the ward's procedures, not the centre's
        assertThat(procedure.getOptions().stream().map(WebElement::getText).toList())
                .anyMatch(option -> option.startsWith("1.001193"))
                .noneMatch(option -> option.startsWith(ENTERPRISE));
        procedure.selectByVisibleText("1.001193 — Đăng ký khai sinh");
        type("motcua-fullName", "Lê Thị Khai Sinh");
        type("motcua-idNumber", "046195001111");
        type("motcua-phone", "0914111222");
        type("motcua-address", "3 Đinh Tiên Hoàng, phường Thuận Hóa, Huế");
        type("motcua-field-childName", "Lê Minh An");
        for (int paper = 0; paper < 4; paper++) {
            click(By.id("motcua-paper-" + paper));
        }
        click(By.cssSelector("input[name='decision'][value='APPROVE']"));
        click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".motcua-result")));
        String code = result.findElement(By.cssSelector(".motcua-result-code")).getText().strip();
        assertThat(result.getText()).contains("Đã tiếp nhận").contains("hẹn trả kết quả");
        // Tasklist's own start button has nothing left to start
        assertThat(browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).isDisplayed())
                .isFalse();
        shot("tiep-nhan-ngay-mau-01");
        JsonNode received = dossier(code);
        assertThat(received.get("receivedAt").isNull()).isFalse();
        assertThat(result.findElement(By.cssSelector(".motcua-result-appointment")).getText())
                .isEqualTo(received.get("appointmentDate").asText().substring(11, 16) + " "
                        + received.get("appointmentDate").asText().substring(8, 10) + "/"
                        + received.get("appointmentDate").asText().substring(5, 7) + "/"
                        + received.get("appointmentDate").asText().substring(0, 4));
        assertThat(received.get("history").findValues("statusCode").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 2, 4);
        printFromTheResult(code, "01", "Lê Thị Khai Sinh");
    }

    /**
     * The last screen of the day: the centre's supervisor logs in to Cockpit, opens the "Một cửa" page, types the
     * dossier's code into "Mở hồ sơ theo mã" and reads the dossier's view: its facts, every step with its unit, its
     * documents and its timeline as the API gives them to that supervisor, ending with the returned result.
     */
    void supervisorOpensTheDossierViewInCockpit(String code) throws Exception {
        CockpitDossierView.login(browser, port, "giamsat.hcc");
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/motcua");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form.motcua-open-by-code input[name='dossierCode']")));
        box.sendKeys(code);
        box.submit();
        WebElement view = CockpitDossierView.assertShowsDossier(browser, port, code, "giamsat.hcc");
        assertThat(CockpitDossierView.fact(view, "status")).isEqualTo("Đã trả kết quả (10)");
        assertThat(view.findElements(By.cssSelector("table.motcua-steps tbody tr")).stream()
                .map(row -> row.getAttribute("data-step")).toList())
                .contains("appraise", "approve", "returnResult");
        shot("giam-sat-xem-ho-so-trong-cockpit");
    }

    // --- the pages

    private void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
        // the login page moves the focus while it starts: type each field until it holds what was typed
        wait.until(driver -> {
            WebElement name = driver.findElement(By.cssSelector("input[ng-model='username']"));
            WebElement password = driver.findElement(By.cssSelector("input[ng-model='password']"));
            name.clear();
            name.sendKeys(user);
            password.click();
            password.clear();
            password.sendKeys("demo");
            return user.equals(name.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"));
        });
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters .task-filter")));
    }

    /**
     * Opens the unit's list ("Việc của đơn vị"), searches it for the dossier's code as an officer does with the code on
     * the citizen's paper (Tasklist's search of the task variable "Mã hồ sơ", which Tasklist keeps in its address),
     * and opens the card of this dossier's task.
     */
    private void openTask(String code, String taskName) {
        By filter = By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.), 'Việc của đơn vị')]");
        wait.until(ExpectedConditions.elementToBeClickable(filter)).click();
        wait.until(driver -> driver.getCurrentUrl().contains("filter="));
        String search = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"value\":\"" + code
                + "\",\"name\":\"dossierCode\"}]";
        String address = browser.getCurrentUrl().replaceAll("&searchQuery=[^&]*", "");
        browser.get(address + "&searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-search-pill]"), code));
        By card = By.xpath("//li[contains(@class,'task')][.//*[contains(., '" + code + "')]]"
                + "[.//*[contains(., '" + taskName + "')]]//a[contains(@href, 'task=')]");
        long[] loaded = {System.currentTimeMillis()};
        // the card is clicked as soon as it shows; a list Tasklist redraws meanwhile is searched again
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> cards = driver.findElements(card);
            if (cards.isEmpty() && System.currentTimeMillis() - loaded[0] > 10_000) {
                driver.navigate().refresh(); // a list loaded before the task was created does not show it yet
                loaded[0] = System.currentTimeMillis();
            }
            if (cards.isEmpty()) {
                return false;
            }
            cards.get(0).click();
            return true;
        });
        wait.until(driver -> driver.getCurrentUrl().contains("task="));
        // the search left only this dossier's tasks in the list (read again while Tasklist redraws it)
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> items = driver.findElements(By.cssSelector("[cam-tasks] .tasks-list li.task"));
            return !items.isEmpty() && items.stream().allMatch(item -> item.getText().contains(code.substring(0, 20)));
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form .motcua-code"), code));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), taskName));
    }

    private void claim() {
        click(By.xpath("//button[contains(@ng-click,'claim')] | //a[contains(@ng-click,'claim')]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[contains(@ng-click,'complete') and not(@disabled)]")));
    }

    private void complete() {
        // a notification of an earlier answer may lie over the button: close it, as the officer does
        for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
        click(By.xpath("//button[contains(@ng-click,'complete')]"));
    }

    private void printFromTheResult(String code, String form, String expected) throws Exception {
        String main = browser.getWindowHandle();
        click(By.cssSelector(".motcua-result a.motcua-print"));
        wait.until(driver -> driver.getWindowHandles().size() > 1);
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(main)) {
                browser.switchTo().window(handle);
            }
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), code));
        assertThat(browser.getPageSource()).contains(expected).contains("Mẫu số " + form);
        shot("mau-" + form);
        browser.close();
        browser.switchTo().window(main);
    }

    private String panelText() {
        return browser.findElement(By.cssSelector(".motcua-panel")).getText();
    }

    /** The status the officer's browser gets for a link of the page (the session's cookies, as a click sends them). */
    private long fetchStatus(String href) {
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status)).catch(() => done(-1));", href);
    }

    private void type(String id, String text) {
        type(By.id(id), text);
    }

    private void type(By field, String text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(field));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.clear();
        element.sendKeys(text);
    }

    /** Scrolls the element into view and clicks it once it stays put (Tasklist draws a form again when claimed). */
    private void click(By target) {
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(driver -> {
                    WebElement element = driver.findElement(target);
                    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                            element);
                    element.click();
                    return true;
                });
    }

    private Path pdf(String name) throws Exception {
        Path dir = Files.createTempDirectory("motcua-scans");
        Path file = dir.resolve(name);
        Files.write(file, ("%PDF-1.4\n% " + name + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
                + "%%EOF\n").getBytes(StandardCharsets.UTF_8));
        files.add(file);
        files.add(dir);
        return file;
    }

    private JsonNode dossier(String code) {
        Api.Response dossier = demo.get("/api/dossiers/" + code);
        assertThat(dossier.status()).as("GET /api/dossiers/%s: %s", code, dossier.body()).isEqualTo(200);
        return dossier.json();
    }

    private void shot(String name) throws Exception {
        Path shot = Path.of("target", "screenshots", String.format("%s-%02d-%s.png", screens, ++screen, name));
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
