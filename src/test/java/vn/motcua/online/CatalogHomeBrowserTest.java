package vn.motcua.online;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * The citizens' catalog on a 360 px phone (headless Chromium) with the province-sized sample: 20 procedures a
 * page, searching without diacritics, filtering by sector, and paging that keeps the filter, all without script.
 */
@MotcuaTest
class CatalogHomeBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    WebDriver browser;
    WebDriverWait wait;
    String base;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start(500, 900, options -> options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 360, "height", 780, "pixelRatio", 1.0, "touch", true))));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCitizenSearchesFiltersAndPagesThroughTheCatalogOnAPhone() throws Exception {
        long all = jdbc.queryForObject("select count(*) from procedure_def", Long.class);
        browser.get(base + "/");
        assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(360);
        assertThat(count()).isEqualTo("Tìm thấy " + String.format("%,d", all).replace(',', '.') + " thủ tục, trang 1/"
                + ((all + 19) / 20) + ".");
        assertThat(cards()).hasSize(20);
        assertThat(fitsTheScreen()).as("no horizontal scrolling at 360 px").isTrue();
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        // every field has its label
        assertThat(((Number) js("return [...document.querySelectorAll('input:not([type=hidden]),select')]"
                + ".filter(i => !document.querySelector('label[for=\"' + i.id + '\"]')).length")).intValue()).isZero();
        shot("catalog-home");

        // without diacritics, as typed on a phone without a Vietnamese keyboard
        browser.findElement(By.id("q")).sendKeys("dang ky khai sinh");
        navigateBy(By.cssSelector("form.search button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("q=dang"));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("dang ky khai sinh");
        assertThat(titles()).contains("Đăng ký khai sinh", "Thủ tục đăng ký khai sinh lưu động")
                .allSatisfy(t -> assertThat(t.toLowerCase()).contains("khai sinh"));
        browser.findElement(By.cssSelector("a[href='/nop-ho-so/1.001193']"));
        assertThat(fitsTheScreen()).isTrue();
        shot("catalog-search");

        // a sector, the search cleared
        browser.findElement(By.id("q")).clear();
        new Select(browser.findElement(By.id("linh-vuc"))).selectByValue("Hộ tịch");
        navigateBy(By.cssSelector("form.search button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("linh-vuc="));
        long civil = jdbc.queryForObject("select count(*) from procedure_def where sector = 'Hộ tịch'", Long.class);
        assertThat(civil).isGreaterThan(20);
        assertThat(count()).isEqualTo("Tìm thấy " + civil + " thủ tục, trang 1/" + ((civil + 19) / 20) + ".");
        assertThat(facts("Lĩnh vực")).hasSize(20).containsOnly("Hộ tịch");
        List<String> firstPage = titles();

        // the next page keeps the sector
        navigateBy(By.cssSelector("nav.pager a[rel=next]"));
        wait.until(ExpectedConditions.urlContains("trang=2"));
        assertThat(browser.getCurrentUrl()).contains("linh-vuc=");
        assertThat(count()).endsWith("trang 2/" + ((civil + 19) / 20) + ".");
        assertThat(facts("Lĩnh vực")).isNotEmpty().containsOnly("Hộ tịch");
        assertThat(titles()).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.findElement(By.cssSelector("nav.pager a[aria-current=page]")).getText()).isEqualTo("2");
        assertThat(new Select(browser.findElement(By.id("linh-vuc"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("Hộ tịch");
        assertThat(fitsTheScreen()).isTrue();
        shot("catalog-page-2");

        // nothing found says so
        browser.get(base + "/?q=khong+co+thu+tuc+nao+nhu+the");
        assertThat(count()).startsWith("Không tìm thấy thủ tục nào phù hợp");
        assertThat(cards()).isEmpty();
    }

    @Test
    void aSearchWithRefusedCharactersIsAnsweredOnThePageNotWithAnError() {
        Api.Response page = Api.at(port).page("/?q=khai%00sinh");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Nội dung tìm kiếm có ký tự không được phép").contains("<form class=\"search");
        // filters that name nothing known, and a page number out of range, still show the catalog
        Api.Response odd = Api.at(port).page("/?linh-vuc=kh%C3%B4ng-c%C3%B3&don-vi=nowhere&trang=99999");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).contains("Tìm thấy");
    }

    /**
     * Clicks what loads the next page and waits until the old page is gone and the new one loaded: the address
     * changes before the new document replaces the old one, and reading the old one then fails or misleads.
     */
    private void navigateBy(By what) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        wait.until(Chromium.replaced(oldPage));
        wait.until(d -> "complete".equals(js("return document.readyState")));
    }

    private String count() {
        return browser.findElement(By.id("ket-qua")).getText().strip();
    }

    private List<WebElement> cards() {
        return browser.findElements(By.cssSelector("ul.procedures > li.card"));
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector("ul.procedures h2")).stream().map(WebElement::getText).toList();
    }

    private List<String> facts(String term) {
        return browser.findElements(By.cssSelector("ul.procedures .facts div")).stream()
                .filter(d -> d.findElement(By.tagName("dt")).getText().equals(term))
                .map(d -> d.findElement(By.tagName("dd")).getText()).toList();
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
