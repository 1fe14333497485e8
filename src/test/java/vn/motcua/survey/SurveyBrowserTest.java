package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/**
 * A citizen answers the survey on a phone-sized screen (360 px wide) in headless Chromium (Debian's
 * packages): the form, the thank-you page, the link reopened, and after a low score the complaint.
 */
@MotcuaTest
class SurveyBrowserTest {

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired TaskService tasks;
    @Autowired Surveys surveys;
    @Autowired MailServer mail;

    static final int PHONE_HEIGHT = 760;

    ChromeDriver chrome;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        chrome = Chromium.start(360, 800, options -> { });
        phone(PHONE_HEIGHT);
        browser = chrome;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        clock("2025-06-24T09:00+07:00");
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
    void aCitizenAnswersOnAPhoneAndTheLinkThenSaysItWasAnswered() throws Exception {
        Invitation invitation = surveys.invite(new ClosedDossiers(driver, tasks).returned());
        String page = url(invitation);
        browser.get(page);
        try {
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đánh giá mức độ hài lòng");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(invitation.dossierCode(),
                    "Trần Thị Bình", "Đăng ký thành lập hộ kinh doanh");
            // each element is a fieldset with its legend and five labelled radios
            assertThat(browser.findElements(By.cssSelector("fieldset"))).hasSize(6);
            assertThat(browser.findElement(By.cssSelector("#q-access legend")).getText()).contains("Tiếp cận dịch vụ");
            assertThat(browser.findElements(By.cssSelector("#q-access input[type=radio][name=access]"))).hasSize(5);
            assertThat(browser.findElement(By.cssSelector("label[for='access-5']")).getText()).isEqualTo("Rất hài lòng");
            // nothing wider than the phone, and the choices are big enough to touch
            assertThat(js("return window.innerWidth")).isEqualTo(360L);
            assertThat(js("return document.documentElement.scrollWidth")).isEqualTo(360L);
            assertThat(browser.findElement(By.cssSelector("label[for='access-1']")).getSize().getHeight())
                    .isGreaterThanOrEqualTo(44);
            screenshot("survey-form");

            // submitting an incomplete form lists what is missing
            browser.findElement(By.cssSelector("label[for='access-5']")).click();
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
            assertThat(summary.getText()).contains("Thủ tục hành chính", "Đánh giá chung");
            assertThat(browser.findElement(By.id("access-5")).isSelected()).isTrue();
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
            screenshot("survey-errors");

            // answer with the keyboard and the mouse: the radio group takes arrow keys
            browser.findElement(By.id("procedure-3")).sendKeys(Keys.SPACE);
            browser.findElement(By.id("procedure-3")).sendKeys(Keys.ARROW_RIGHT);
            assertThat(browser.findElement(By.id("procedure-4")).isSelected()).isTrue();
            for (String choice : new String[] {"officers-5", "result-4", "feedback-4", "overall-5"}) {
                browser.findElement(By.cssSelector("label[for='" + choice + "']")).click();
            }
            browser.findElement(By.id("comment")).sendKeys("Cán bộ hướng dẫn tận tình.");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();

            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Cảm ơn Ông/Bà đã đánh giá"));
            assertThat(browser.getCurrentUrl()).endsWith("/khao-sat/" + invitation.token() + "/cam-on");
            assertThat(browser.findElements(By.id("complaint-text"))).isEmpty();
            screenshot("survey-thanks");

            browser.get(page);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Phiếu khảo sát đã được trả lời"));
            assertThat(browser.findElements(By.cssSelector("input[type=radio]"))).isEmpty();
        } finally {
            screenshot("survey-last");
        }
        assertThat(surveys.answered(invitation.dossierCode())).isTrue();
    }

    /** What the city asked for: the survey mailed at closing, answered once through its link, counted. */
    @Test
    void closingADossierMailsASurveyLinkThatRecordsOneAnswerWhichTheReportCounts() throws Exception {
        Api supervisor = Api.at(port).as("giamsat.thuanhoa", "demo");
        String report = "/api/reports/satisfaction?unit=" + ClosedDossiers.UNIT;
        int before = supervisor.get(report).json().get("responses").asInt();

        String code = new ClosedDossiers(driver, tasks).returned();
        // the survey process starts by itself when the dossier closes and mails the invitation from its job
        assertThat(driver.instance(code, "satisfactionSurvey")).isNotNull();
        driver.asyncJobs(code, "satisfactionSurvey").forEach(driver::execute);
        MimeMessage invitation = mail.single(code, "đánh giá sự hài lòng");
        assertThat(MailServer.recipients(invitation)).containsExactly("binh@example.com");
        Matcher link = Pattern.compile("(https?://[^\\s\"<]+)/khao-sat/([A-Za-z0-9_-]{22,})")
                .matcher(MailServer.body(invitation));
        assertThat(link.find()).as("a survey link in the mail").isTrue();
        String token = link.group(2);

        // opened in the browser (the test server listens on its own port, not the configured site's)
        browser.get("http://127.0.0.1:" + port + "/khao-sat/" + token);
        for (String choice : new String[] {"access-5", "procedure-4", "officers-5", "result-5", "feedback-4",
                "overall-5"}) {
            browser.findElement(By.cssSelector("label[for='" + choice + "']")).click();
        }
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Cảm ơn Ông/Bà đã đánh giá"));
        screenshot("survey-from-mail");

        // the answer ends the survey process; a second answer is refused
        assertThat(driver.instance(code, "satisfactionSurvey")).isNull();
        Api.Response again = Api.at(port).post("/api/public/surveys/" + token, Map.of(
                "answers", Map.of("access", 1, "procedure", 1, "officers", 1, "result", 1, "feedback", 1),
                "overall", 1, "comment", ""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(supervisor.get(report).json().get("responses").asInt()).isEqualTo(before + 1);
    }

    @Test
    void afterALowScoreTheCitizenCanComplainToTheUnitsLeaders() throws Exception {
        Invitation invitation = surveys.invite(new ClosedDossiers(driver, tasks).returned());
        browser.get(url(invitation));
        try {
            for (String choice : new String[] {"access-3", "procedure-2", "officers-1", "result-3", "feedback-2",
                    "overall-2"}) {
                browser.findElement(By.cssSelector("label[for='" + choice + "']")).click();
            }
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Cảm ơn Ông/Bà đã đánh giá"));
            WebElement complaint = browser.findElement(By.id("complaint-text"));
            assertThat(browser.findElement(By.cssSelector("label[for='complaint-text']")).getText())
                    .isEqualTo("Nội dung phản ánh");
            screenshot("survey-complaint");

            // an empty complaint is refused with a message at the field
            browser.findElement(By.cssSelector(".complaint button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-complaint")));
            assertThat(browser.findElement(By.id("err-complaint")).getText()).contains("Hãy ghi nội dung phản ánh.");
            screenshot("survey-complaint-error");

            browser.findElement(By.id("complaint-text")).sendKeys("Cán bộ hẹn nhiều lần mà không trả lời.");
            browser.findElement(By.cssSelector(".complaint button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Đã gửi phản ánh"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("đã chuyển đến lãnh đạo đơn vị");
            screenshot("survey-complaint-sent");
            assertThat(complaint).isNotNull();

            // reopened, the link says it was answered and the complaint sent, and offers no second one
            browser.get(url(invitation));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Phiếu khảo sát đã được trả lời"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("đã chuyển đến lãnh đạo đơn vị");
            assertThat(browser.findElements(By.id("complaint-text"))).isEmpty();
        } finally {
            screenshot("survey-complaint-last");
        }
    }

    @Test
    void unknownAndExpiredLinksSaySoInVietnamese() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/khao-sat/" + "A".repeat(43));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy phiếu khảo sát");

        Invitation invitation = surveys.invite(new ClosedDossiers(driver, tasks).returned());
        clock("2025-07-08T09:00+07:00");
        browser.get(url(invitation));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Phiếu khảo sát đã hết hạn");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("08/07/2025 09:00");
        screenshot("survey-expired");
    }

    private String url(Invitation invitation) {
        // the invitation's link names the configured site; the test server listens on its own port
        return "http://127.0.0.1:" + port + "/khao-sat/" + invitation.token();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** A phone's viewport, 360 px wide: desktop Chromium keeps its windows wider than that. */
    private void phone(int height) {
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The whole page, into target/, for people to look at. */
    private void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        long height = (Long) js("return document.documentElement.scrollHeight");
        phone((int) Math.min(height, 8000));
        try {
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            phone(PHONE_HEIGHT);
        }
    }
}
