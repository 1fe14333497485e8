package vn.motcua.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * Cockpit in headless Chromium ({@link Chromium}; skipped without Debian's packages): the instance list of the
 * dossiers' lifecycle process shows a ward's supervisor only the ward's own dossiers, the city's supervisor
 * every unit's. Two dossiers are filed over the project's API, one at phường Thuận Hóa, one at phường Phú Xuân.
 */
@MotcuaTest
class UnitTenantsBrowserTest {

    @LocalServerPort int port;
    @Autowired RepositoryService repository;
    WebDriver browser;
    WebDriverWait wait;
    String thuanHoa;
    String phuXuan;

    @BeforeEach
    void setUp() throws Exception {
        Chromium.assumeInstalled();
        thuanHoa = file("tiepnhan.thuanhoa", "1.001612", "046090001111");
        phuXuan = file("tiepnhan.phuxuan", "1.000894", "046090002222");
        browser = Chromium.start(1400, 1000, options -> {
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void tearDown(TestInfo test) throws Exception {
        if (browser != null) {
            Path shot = Path.of("target", "cockpit-tenants-" + test.getTestMethod().map(m -> m.getName()).orElse("test")
                    + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void aWardSupervisorSeesOnlyTheWardsDossiersInTheLifecyclesInstanceList() {
        String list = instanceList("giamsat.thuanhoa", thuanHoa);
        assertThat(list).contains(thuanHoa).doesNotContain(phuXuan)
                // no dossier of another unit at all (codes begin with the receiving unit's identifier)
                .doesNotContain("000.00.42.H57-", "000.00.00.H57-");
    }

    @Test
    void theOtherWardsSupervisorSeesOnlyThatWardsDossiers() {
        String list = instanceList("giamsat.phuxuan", phuXuan);
        assertThat(list).contains(phuXuan).doesNotContain(thuanHoa).doesNotContain("000.00.41.H57-", "000.00.00.H57-");
    }

    @Test
    void theCitysSupervisorSeesBoth() {
        String list = instanceList("giamsat.noivu", thuanHoa, phuXuan);
        assertThat(list).contains(thuanHoa, phuXuan);
    }

    /** Logs in to Cockpit, opens the lifecycle's definition page, waits for the codes, and gives the list's text. */
    private String instanceList(String user, String... awaited) {
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("dossierLifecycle")
                .latestVersion().singleResult().getId();
        browser.get("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definition
                + "/runtime");
        wait.until(driver -> {
            String text = driver.findElement(By.tagName("body")).getText();
            for (String code : awaited) {
                if (!text.contains(code)) {
                    return false;
                }
            }
            return true;
        });
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Files a dossier at the counter as its receptionist, over the project's API; its code. */
    private String file(String receptionist, String procedure, String idNumber) {
        Api counter = Api.at(port).as(receptionist, "demo");
        Api.Response filed = counter.post("/api/dossiers", Map.of("procedureCode", procedure, "channel", "COUNTER",
                "applicant", Map.of("fullName", "Lê Văn Đơn Vị", "idNumber", idNumber, "phone", "0905123456",
                        "email", "don.vi@example.com", "address", "5 Lê Lợi, Huế"),
                "formData", Map.of()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("code").asText();
    }
}
