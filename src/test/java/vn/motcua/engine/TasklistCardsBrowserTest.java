package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * Tasklist's task list (headless Chromium, Debian's packages), opened on the unit's shared filter without any
 * sorting in the address: each task card shows the dossier's code, the applicant and the due date, and the list
 * says it is sorted by due date ("Hạn xử lý") and is so, the earliest due first. For a counter officer, whose
 * task is in the dossier's lifecycle, and for a specialist, whose task is in the called handling instance.
 * Two dossiers are received a day apart in March 2020 (the engine clock), so that their tasks are due before any
 * other test's, and the later received is due later: a list sorted by creation, latest first, shows it first.
 */
@MotcuaTest
class TasklistCardsBrowserTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired FilterService filters;
    @Autowired MessageSource messages;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start(1400, 1000, options -> { });
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        ClockUtil.reset();
        Staff.clear();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCounterOfficersCardsShowTheDossierAndAreSortedByDueDate() throws Exception {
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        clock("2020-03-02T09:00+07:00");
        String first = intake(counter, "Nguyễn Thị Thẻ Một");
        clock("2020-03-03T09:00+07:00");
        String second = intake(counter, "Lê Văn Thẻ Hai");
        ClockUtil.reset();

        String firstTask = driver.task(first, "Task_receptionCheck").getId();
        String secondTask = driver.task(second, "Task_receptionCheck").getId();
        showsCardsSortedByDueDate("tiepnhan.hcc", List.of(first, second), List.of(firstTask, secondTask),
                List.of("Nguyễn Thị Thẻ Một", "Lê Văn Thẻ Hai"));
    }

    @Test
    void aSpecialistsCardsInTheCalledHandlingShowTheDossierAndAreSortedByDueDate() throws Exception {
        Api counter = Api.at(port).as("tiepnhan.hcc", "demo");
        clock("2020-03-09T09:00+07:00");
        String first = intake(counter, "Trần Thị Chuyên Một");
        Staff.actAs("tiepnhan.hcc", "hcc_reception");
        driver.complete(first, "Task_receptionCheck", "APPROVE", null);
        Staff.clear();
        clock("2020-03-10T09:00+07:00");
        String second = intake(counter, "Phan Văn Chuyên Hai");
        Staff.actAs("tiepnhan.hcc", "hcc_reception");
        driver.complete(second, "Task_receptionCheck", "APPROVE", null);
        Staff.clear();
        ClockUtil.reset();

        // the specialist's task is in the handling instance the lifecycle calls
        assertThat(driver.handling(first)).isNotNull();
        String firstTask = driver.task(first, "Task_appraise").getId();
        String secondTask = driver.task(second, "Task_appraise").getId();
        assertThat(driver.tasks.createTaskQuery().taskId(firstTask).singleResult().getProcessInstanceId())
                .isEqualTo(driver.handling(first).getId());
        showsCardsSortedByDueDate("chuyenvien.taichinh", List.of(first, second), List.of(firstTask, secondTask),
                List.of("Trần Thị Chuyên Một", "Phan Văn Chuyên Hai"));
    }

    private String intake(Api counter, String applicant) {
        Api.Response created = counter.post("/api/dossiers", Map.of("procedureCode", "2.001610", "channel", "COUNTER",
                "applicant", Map.of("fullName", applicant, "idNumber", "046090001234", "phone", "0905123456",
                        "email", "citizen@example.com", "address", "10 Lê Lợi, phường Thuận Hóa, Huế"),
                "formData", Map.of("enterpriseName", "Doanh nghiệp tư nhân Sông Hương")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("code").asText();
    }

    /** Logs in, opens the unit's filter with no sorting in the address, and checks the two cards and the sort. */
    @SuppressWarnings("unchecked")
    private void showsCardsSortedByDueDate(String user, List<String> codes, List<String> taskIds,
            List<String> applicants) throws Exception {
        assertThat(driver.tasks.createTaskQuery().taskId(taskIds.get(0)).singleResult().getDueDate())
                .isBefore(driver.tasks.createTaskQuery().taskId(taskIds.get(1)).singleResult().getDueDate());
        String filter = filters.createTaskFilterQuery().filterName(messages.getMessage("filter.groups", null, VI))
                .singleResult().getId();
        logIn(user);
        // the list Tasklist opens after the login says it is sorted by due date too
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[cam-sorting-choices] li.sorting-choice"), "Hạn xử lý"));
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/#/?filter=" + filter);
        try {
            for (int i = 0; i < 2; i++) {
                String card = "[cam-tasks] .tasks-list li.task:has(a[href*='task=" + taskIds.get(i) + "'])";
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(card), codes.get(i)));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(card), applicants.get(i)));
                assertThat(browser.findElements(By.cssSelector(card + " .due-date"))).as("due date on the card of %s",
                        codes.get(i)).hasSize(1);
            }
            // the sort the list shows is the due date, earliest first
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-sorting-choices] li.sorting-choice"), "Hạn xử lý"));
            assertThat(browser.findElement(By.cssSelector("[cam-sorting-choices] li.sorting-choice")).getText())
                    .doesNotContain("Ngày tạo");
            assertThat(browser.findElement(By.cssSelector("[cam-sorting-choices] li.sorting-choice .sort-direction"))
                    .getAttribute("class")).contains("glyphicon-menu-up");
            // and the list is so: the dossier due first comes first, though it was received first
            Object order = ((JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('[cam-tasks] .tasks-list li.task a[href*=\"task=\"]'))"
                            + ".map(a => a.getAttribute('href').split('task=')[1])"
                            + ".filter((id, i, all) => all.indexOf(id) === i)");
            assertThat((List<Object>) order).containsSubsequence(taskIds.get(0), taskIds.get(1));
        } finally {
            Path shot = Path.of("target", "screenshots", "tasklist-cards-" + user + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    private void logIn(String user) {
        browser.get("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[cam-tasklist-navigation], .tasks-list, .task-filters")));
    }
}
