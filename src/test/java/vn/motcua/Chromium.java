package vn.motcua;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * Headless Chromium from Debian's packages for the browser tests: never a browser of its own, and
 * the flags this machine's closed network needs (no background networking, no QUIC, no sync).
 */
public final class Chromium {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /** Skips the calling test, with the reason, unless chromium and chromium-driver are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(new File(BINARY).canExecute() && new File(DRIVER).canExecute(),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
    }

    /** Starts a headless Chromium with a fresh profile, a window of this size, and the caller's extra options. */
    public static ChromeDriver start(int width, int height, Consumer<ChromeOptions> more) throws IOException {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory("motcua-chromium"));
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Until the element's page has been replaced by the next one: Selenium's {@code stalenessOf}, also when Chromium
     * (156 and later) answers the check on a node of the old document with "Node with given id does not belong to the
     * document" instead of a stale element reference.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement oldPage) {
        return driver -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }
}
