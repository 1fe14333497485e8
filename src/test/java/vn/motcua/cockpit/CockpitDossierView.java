package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.motcua.Api;

/**
 * Motcua's dossier view in Cockpit ({@code #/motcua/ho-so/<code>}) for browser tests: logging in to Cockpit,
 * opening a dossier's view, and checking that it shows what the project's real API says of that dossier to that
 * user. Other browser tests end with it too: a day worked in Tasklist ends with the supervisor opening the dossier
 * in Cockpit ({@link #openAndAssertFacts}).
 */
public final class CockpitDossierView {

    /** Every demo user's password. */
    public static final String DEMO_PASSWORD = "demo";

    private static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private CockpitDossierView() {
    }

    /**
     * Logs in to Cockpit as a demo user. Whatever session the browser had (an officer's in Tasklist, another
     * supervisor's) is ended first: the webapps share one login.
     */
    public static void login(WebDriver browser, int port, String user) {
        String current = browser.getCurrentUrl();
        if (current != null && current.startsWith("http://127.0.0.1:" + port + "/")) {
            browser.manage().deleteAllCookies();
        }
        browser.get(cockpit(port));
        // Cockpit's bundles take long to start on a busy machine
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        try {
            WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model='username']")));
            name.sendKeys(user);
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(DEMO_PASSWORD);
            browser.findElement(By.cssSelector("button[type='submit']")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        } catch (RuntimeException e) {
            screenshot(browser, "login-failed-" + user);
            throw e;
        }
    }

    /**
     * Logs in to Cockpit as the demo user, opens the dossier's view by its address, and asserts that it shows the
     * dossier's main facts as the project's API gives them to that user (see {@link #assertShowsDossier}).
     *
     * @return the view's root element
     */
    public static WebElement openAndAssertFacts(WebDriver browser, int port, String code, String user) {
        login(browser, port, user);
        browser.get(cockpit(port) + "#/motcua/ho-so/" + code);
        return assertShowsDossier(browser, port, code, user);
    }

    /**
     * With the dossier's view opening in the browser (by its address or a link), waits for it and asserts that it
     * shows what {@code GET /api/dossiers/{code}} answers the user: the code, the procedure, the applicant, the
     * channel, the reception, the appointment and the original appointment, the status, one row per step with its
     * name and unit, one per document.
     *
     * @return the view's root element
     */
    public static WebElement assertShowsDossier(WebDriver browser, int port, String code, String user) {
        Api.Response answer = Api.at(port).as(user, DEMO_PASSWORD).get("/api/dossiers/" + code);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode dossier = answer.json();
        // Cockpit may draw a route's page again while its address settles (seen coming from the process instance
        // page): a view replaced while it is read is read again, at most twice
        for (int attempt = 1; ; attempt++) {
            try {
                return assertShowsDossier(browser, code, dossier);
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    private static WebElement assertShowsDossier(WebDriver browser, String code, JsonNode dossier) {
        WebElement view = waitForView(browser, "ready");
        assertThat(view.getAttribute("data-code")).isEqualTo(code);
        assertThat(view.findElement(By.cssSelector("h2")).getText()).contains("Hồ sơ " + code)
                .contains(dossier.get("statusLabel").asText());
        assertThat(fact(view, "code")).isEqualTo(code);
        assertThat(fact(view, "procedure")).isEqualTo(dossier.get("procedureCode").asText() + " — "
                + dossier.get("procedureName").asText());
        assertThat(fact(view, "applicant")).isEqualTo(dossier.get("applicant").get("fullName").asText());
        assertThat(fact(view, "idNumber")).isEqualTo(dossier.get("applicant").get("idNumber").asText());
        assertThat(fact(view, "channel")).isEqualTo("COUNTER".equals(dossier.get("channel").asText())
                ? "Trực tiếp tại bộ phận một cửa" : "Trực tuyến");
        assertThat(fact(view, "status")).isEqualTo(dossier.get("statusLabel").asText() + " ("
                + dossier.get("statusCode").asInt() + ")");
        assertThat(fact(view, "receivedAt")).isEqualTo(dossier.get("receivedAt").isNull() ? "Chưa tiếp nhận"
                : shown(dossier.get("receivedAt")));
        if (!dossier.get("appointmentDate").isNull()) {
            assertThat(fact(view, "appointment")).startsWith(shown(dossier.get("appointmentDate")));
            assertThat(fact(view, "originalAppointment")).isEqualTo(shown(dossier.get("originalAppointmentDate")));
        }
        List<WebElement> steps = view.findElements(By.cssSelector("table.motcua-steps tbody tr"));
        assertThat(steps).hasSize(dossier.get("handovers").size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = dossier.get("handovers").get(i);
            assertThat(steps.get(i).getAttribute("data-step")).isEqualTo(step.get("step").asText());
            assertThat(steps.get(i).getText()).contains(step.get("stepName").asText())
                    .contains(step.get("unitName").asText()).contains(shown(step.get("dueAt")));
        }
        assertThat(view.findElements(By.cssSelector("table.motcua-documents tbody tr")))
                .hasSize(dossier.get("documents").size());
        assertThat(view.findElements(By.cssSelector(".motcua-timeline li"))).hasSize(dossier.get("history").size());
        return view;
    }

    /** Waits until the dossier view is in this state ({@code ready}, {@code error}); the view's root. */
    public static WebElement waitForView(WebDriver browser, String state) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".motcua-dossier[data-state='" + state + "']")));
    }

    /** The value shown for a fact of the view ({@code data-fact}). */
    public static String fact(WebElement view, String key) {
        return view.findElement(By.cssSelector("[data-fact='" + key + "'] dd")).getText();
    }

    /** An instant of the API as the view shows it: 27/11/2026 10:00, in Huế time. */
    public static String shown(JsonNode isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset.asText()).atZoneSameInstant(HUE).format(SHOWN);
    }

    /** target/screenshots/cockpit-dossier-{name}.png, to look at. */
    public static void screenshot(WebDriver browser, String name) {
        try {
            Path shot = Path.of("target", "screenshots", "cockpit-dossier-" + name + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The English left in the page's visible text (and its fields' placeholders), with some context: the words of
     * {@link CockpitVietnameseBrowserTest#ENGLISH} and every phrase of Cockpit's own {@code en.json}.
     */
    public static List<String> englishOn(WebDriver browser) {
        try {
            CockpitVietnameseBrowserTest.englishTexts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = (String) ((JavascriptExecutor) browser).executeScript(
                "const placeholders = [...document.querySelectorAll('input, textarea')]"
                        + ".filter(e => e.offsetParent !== null && e.placeholder).map(e => e.placeholder);"
                        + "return document.body.innerText + '\\n' + placeholders.join('\\n');");
        List<String> left = new ArrayList<>();
        for (Pattern p : CockpitVietnameseBrowserTest.english) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 30);
                left.add(m.group() + " … «" + text.substring(from, Math.min(text.length(), m.end() + 30))
                        .replace('\n', ' ') + "»");
            }
        }
        return left;
    }

    private static String cockpit(int port) {
        return "http://127.0.0.1:" + port + "/camunda/app/cockpit/default/";
    }
}
