package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Tasklist in Vietnamese for a browser that asks for English (headless Chromium, Debian's packages): the login
 * page, the task list with its filters, a task with its Camunda Form, the form's own validation message and a
 * rejected decision show no English text of Tasklist's, and no engine code. Screenshots in target/screenshots/.
 */
@MotcuaTest
class TasklistVietnameseBrowserTest {

    /** Tasklist's English texts (from its en.json, and form-js's) that must not be left on these screens. */
    static final List<String> ENGLISH = List.of("Claim", "Unclaim", "Complete", "Filter", "Filters", "Filter Tasks",
            "Task", "Tasks", "All Tasks", "Sort by", "Created", "Due", "Due date", "Follow-up", "Follow-up date",
            "Assignee", "Assigned to you", "Set due date", "Set follow-up date", "Start process", "Create task",
            "Add groups", "Groups", "Group", "Form", "History", "Diagram", "Description", "Save", "Loading",
            "Log in", "Log out", "Please Log in", "Username", "Password", "My profile", "Dashboard", "Processes",
            "Users", "Select a task in the list", "No task matching filters found", "Keyboard Shortcuts",
            "Date and Time displayed in local timezone", "Powered by", "Field is required", "Ascending", "Descending",
            "Add Comment", "Priority", "Name", "Owner", "Delegate", "Reset", "Change", "Close", "Cancel", "Submit",
            "It is time to migrate", "migration guide", "An error happened", "ENGINE-", "TaskListener");

    @LocalServerPort int port;
    @Autowired MessageSource messages;
    WebDriver browser;
    WebDriverWait wait;
    /** What the screens showed that they should not, or did not show that they should: asserted at the end. */
    final List<String> problems = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws Exception {
        // an English browser: the locale must come from the project's configuration, not from the browser
        browser = Chromium.start(1400, 1000, options -> {
            options.addArguments("--lang=en-US");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        ClockUtil.reset();
        problems.forEach(System.out::println);
        if (browser != null) {
            Path shot = Path.of("target", "screenshots", "tasklist-vi-last.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void anOfficerWithAnEnglishBrowserWorksInVietnamese() throws Exception {
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        // filed on a day before any other test's dossiers, so that its task heads the unit's list, which opens
        // sorted by due date, whatever other test classes left open in this shared engine
        clock("2019-03-04T09:00+07:00");
        Api.Response created = counter.post("/api/dossiers", EndToEndContract.intake("2.001610", "Phan Thị Ngôn Ngữ"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().get("code").asText();
        String taskId = counter.get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0)
                .get("id").asText();
        String tasklist = "http://127.0.0.1:" + port + "/camunda/app/tasklist/default/";

        // the login page
        browser.get(tasklist);
        assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript("return navigator.languages[0]")))
                .startsWith("en");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Đăng nhập"));
        screen("1-login", "Tên đăng nhập", "Mật khẩu", "Đăng nhập", "Ngày giờ hiển thị theo múi giờ địa phương");

        username.sendKeys("tiepnhan.hcc");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // the task list with its filters: the unit's tasks hold the new dossier
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters .task-filter")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task-filter')]/h4[contains(@class,'name')]/a[contains(normalize-space(.),'"
                + messages.getMessage("filter.groups", null, Locale.forLanguageTag("vi")) + "')]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), "Phan Thị Ngôn Ngữ"));
        screen("2-task-list", "Hạn xử lý", "Ngày nhắc", "Ngày tạo", "Lọc công việc", "Tạo công việc", "Khởi tạo quy trình", "Phím tắt",
                "Chọn một công việc trong danh sách");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
                .as("the Camunda 8 banner").isEmpty();

        // a task opened with its Camunda Form
        browser.get(tasklist + "#/?task=" + taskId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), code));
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@ng-click,'claim')] | //a[contains(@ng-click,'claim')]")));
        screen("3-task-form", "Nhận việc", "Biểu mẫu", "Lịch sử", "Sơ đồ");
        claim.click();
        wait.until(driver -> "tiepnhan.hcc".equals(counter.get("/engine-rest/task/" + taskId).json().path("assignee")
                .asText()));
        // the claimed task has left the list shown (Tasklist's first filter, as the address named no filter) and
        // heads "Việc của tôi": the officer opens it from its card there (without reloading the page, which twice,
        // under the full suite's load, left Tasklist on its start-up spinner)
        By card = By.cssSelector("[cam-tasks] .tasks-list li.task a[href*='task=" + taskId + "']");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> cards = driver.findElements(card);
            if (cards.isEmpty()) {
                return false;
            }
            cards.get(0).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), code));

        // the decision is required: completing without one shows form-js's message, in Vietnamese
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@ng-click,'complete')]")));
        screen("4-claimed", "Hoàn thành", "Lưu");
        // the form shows the dossier's facts above the decision: the button is below the fold
        centre(complete);
        complete.click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-error li")));
        assertThat(error.getText()).isEqualTo("Trường này là bắt buộc.");
        screen("5-required-field", "Trường này là bắt buộc.");
        assertThat(counter.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(1);

        // a refusal without a note: the decision listener's reason, in Vietnamese, without the engine's code
        WebElement refuse = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[contains(., 'từ chối (Mẫu 03)')]")));
        centre(refuse);
        refuse.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form-field-error li")));
        // Tasklist's own notice of the refused submission sits over the button: the officer closes it
        for (WebElement close : browser.findElements(By.cssSelector(".page-notifications .alert .close"))) {
            if (close.isDisplayed()) {
                close.click();
            }
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
        centre(complete);
        complete.click();
        String noteRequired = messages.getMessage("task.note.required", null, Locale.forLanguageTag("vi"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-notifications"),
                noteRequired));
        screen("6-refused-without-note", noteRequired);
        assertThat(counter.get("/api/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(1);
        assertThat(counter.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
        assertThat(problems).isEmpty();
    }

    /**
     * Keeps a screenshot of the screen, then checks its visible texts (the page's text and the placeholders and
     * titles of its visible fields and buttons): the expected Vietnamese is there, no English text of the list.
     */
    private void screen(String name, String... vietnamese) throws Exception {
        Path shot = Path.of("target", "screenshots", "tasklist-vi-" + name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        String text = browser.findElement(By.tagName("body")).getText();
        StringBuilder visible = new StringBuilder(text);
        for (WebElement element : browser.findElements(By.cssSelector("[placeholder], button[title], a[title]"))) {
            if (element.isDisplayed()) {
                visible.append('\n').append(element.getAttribute("placeholder") == null ? ""
                        : element.getAttribute("placeholder"));
                visible.append('\n').append(element.getAttribute("title") == null ? "" : element.getAttribute("title"));
            }
        }
        List<String> english = new ArrayList<>();
        for (String word : ENGLISH) {
            if (Pattern.compile("(?<![\\p{L}\\-])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(visible).find()) {
                english.add(word);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String expected : vietnamese) {
            if (!visible.toString().contains(expected)) {
                missing.add(expected);
            }
        }
        if (!english.isEmpty() || !missing.isEmpty()) {
            problems.add(name + ": English " + english + ", missing " + missing + ", shown:\n" + visible);
        }
    }

    private void centre(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
