package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;
import vn.motcua.dossier.Dossiers;
import vn.motcua.engine.Driver;
import vn.motcua.survey.Surveys;

/**
 * The transparency page on a 360 px phone (headless Chromium), on the figures of {@link TransparencySeed} looked at
 * on Tuesday 25 October 2022: no script, no horizontal scrolling, every figure next to its label, a chart per
 * agency, "chưa đủ dữ liệu" where a percentage would rest on too little, and choosing another period with the form.
 * Screenshots in {@code target/transparency-*.png}.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyBrowserTest {

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Surveys surveys;
    @Autowired JdbcTemplate jdbc;
    WebDriver browser;
    WebDriverWait wait;
    String base;

    @BeforeAll
    void seed() {
        TransparencySeed.ensure(driver, dossiers, surveys, jdbc, port);
    }

    @BeforeEach
    void startBrowser() throws Exception {
        clock(TransparencySeed.NOW);
        browser = Chromium.start(500, 900, options -> options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 360, "height", 780, "pixelRatio", 1.0, "touch", true))));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stopBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenReadsEachAgencysFiguresOnAPhone() throws Exception {
        browser.get(base + "/cong-khai?nam=2022&thang=10");
        assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Công khai kết quả giải quyết thủ tục hành chính");
        assertThat(browser.findElement(By.cssSelector("header.site a[aria-current=page]")).getText())
                .isEqualTo("Công khai kết quả");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(fitsTheScreen()).as("no horizontal scrolling at 360 px").isTrue();
        assertThat(browser.findElement(By.id("thoi-diem")).getText())
                .startsWith("Số liệu tháng 10/2022, tình trạng hồ sơ tính đến 10:00 ngày 25/10/2022");

        // the city, then the two agencies that received dossiers; the others named in one line
        List<WebElement> cards = browser.findElements(By.cssSelector("section.card"));
        assertThat(cards).extracting(c -> c.findElement(By.tagName("h2")).getText())
                .containsExactly("Toàn thành phố", "Trung tâm Phục vụ hành chính công thành phố Huế",
                        "UBND phường Thuận Hóa");
        assertThat(browser.findElement(By.id("khong-co-ho-so")).getText()).startsWith("Không tiếp nhận hồ sơ trong kỳ:")
                .contains("Sở Tư pháp thành phố Huế");

        // every figure sits next to its label, and the ward's are those computed by hand
        assertThat(((Number) js("return [...document.querySelectorAll('dd.figure')].filter(d =>"
                + " !d.previousElementSibling || d.previousElementSibling.tagName !== 'DT'"
                + " || !d.previousElementSibling.textContent.trim() || !d.textContent.trim()).length")).intValue())
                .isZero();
        WebElement ward = cards.get(2);
        assertThat(fact(ward, "Hồ sơ tiếp nhận")).isEqualTo("14");
        assertThat(fact(ward, "Trong đó nộp trực tuyến")).isEqualTo("1");
        assertThat(fact(ward, "Tỷ lệ nộp trực tuyến")).isEqualTo("7,14%");
        assertThat(fact(ward, "Giải quyết trước hạn")).isEqualTo("10");
        assertThat(fact(ward, "Giải quyết đúng hạn")).isEqualTo("1");
        assertThat(fact(ward, "Giải quyết trễ hạn")).isEqualTo("1");
        assertThat(fact(ward, "Đang giải quyết")).isEqualTo("2");
        assertThat(fact(ward, "Trong đó đã quá hạn")).isEqualTo("1");
        assertThat(fact(ward, "Tỷ lệ đúng hạn")).isEqualTo("85,71%");
        assertThat(fact(ward, "Số phiếu đánh giá SIPAS")).isEqualTo("10");
        assertThat(fact(ward, "Chỉ số hài lòng SIPAS")).isEqualTo("82,00%");
        assertThat(fact(ward, "Công chức tiếp nhận và giải quyết hồ sơ")).isEqualTo("90,00%");
        assertThat(fact(ward, "Phản ánh, kiến nghị tiếp nhận")).isEqualTo("2");
        assertThat(fact(ward, "Phản ánh, kiến nghị đã trả lời")).isEqualTo("1");
        // the centre's single dossier gives no rate
        assertThat(fact(cards.get(1), "Tỷ lệ đúng hạn")).isEqualTo("Chưa đủ dữ liệu (1 hồ sơ, cần ít nhất 10)");
        assertThat(fact(cards.get(1), "Chỉ số hài lòng SIPAS")).startsWith("Chưa đủ dữ liệu");

        // each card has its chart: a bar per month so far, labelled; the ward's October bar the tallest
        for (WebElement card : cards) {
            WebElement svg = card.findElement(By.cssSelector("figure.trend svg"));
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.findElement(By.tagName("title")).getAttribute("textContent")).startsWith(
                    "Số hồ sơ tiếp nhận và tỷ lệ đúng hạn theo tháng");
            assertThat(svg.findElements(By.cssSelector("rect.bar"))).hasSize(10);
            assertThat(svg.getSize().getWidth()).isLessThanOrEqualTo(360);
        }
        List<WebElement> bars = ward.findElements(By.cssSelector("rect.bar"));
        assertThat(bars.get(9).findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("Tháng 10/2022: 14 hồ sơ tiếp nhận");
        assertThat(Integer.parseInt(bars.get(9).getAttribute("height"))).isEqualTo(TransparencyPage.HEIGHT);
        // September: 3 of October's 14; August: none
        assertThat(Integer.parseInt(bars.get(8).getAttribute("height"))).isEqualTo(Math.round(3f * TransparencyPage.HEIGHT / 14));
        assertThat(Integer.parseInt(bars.get(7).getAttribute("height"))).isZero();
        assertThat(ward.findElements(By.cssSelector("svg circle"))).hasSize(1);
        shot("transparency-october");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", ward);
        shot("transparency-october-ward");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                ward.findElement(By.cssSelector("figure.trend")));
        shot("transparency-october-chart");

        // the whole year, chosen with the form
        new Select(browser.findElement(By.id("thang"))).selectByVisibleText("Cả năm");
        navigateBy(By.cssSelector("form.search button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("nam=2022"));
        assertThat(browser.findElement(By.id("thoi-diem")).getText()).startsWith("Số liệu năm 2022");
        WebElement yearWard = browser.findElements(By.cssSelector("section.card")).get(2);
        assertThat(fact(yearWard, "Hồ sơ tiếp nhận")).isEqualTo("17");
        assertThat(fact(yearWard, "Chỉ số hài lòng SIPAS")).isEqualTo("86,15%");
        List<WebElement> yearBars = yearWard.findElements(By.cssSelector("rect.bar"));
        // September: 3 of October's 14
        assertThat(Integer.parseInt(yearBars.get(8).getAttribute("height")))
                .isEqualTo(Math.round(3f * TransparencyPage.HEIGHT / 14));
        assertThat(fitsTheScreen()).isTrue();
        shot("transparency-year");
    }

    @Test
    void aRefusedPeriodIsExplainedOnThePage() throws Exception {
        browser.get(base + "/cong-khai?nam=2031");
        assertThat(browser.findElement(By.id("loi-ky")).getText()).isEqualTo("Chỉ có số liệu từ năm 2020 đến năm 2022.");
        assertThat(browser.findElements(By.cssSelector("section.card"))).isEmpty();
        assertThat(fitsTheScreen()).isTrue();
        shot("transparency-refused");
    }

    private static String fact(WebElement card, String label) {
        return card.findElements(By.cssSelector("dl.figures > div")).stream()
                .filter(d -> d.findElement(By.tagName("dt")).getText().equals(label)).findFirst()
                .map(d -> d.findElement(By.tagName("dd")).getText()).orElseThrow(() -> new AssertionError(label));
    }

    private void navigateBy(By what) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        wait.until(Chromium.replaced(oldPage));
        wait.until(d -> "complete".equals(js("return document.readyState")));
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
