package vn.motcua.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Chromium;
import vn.motcua.MotcuaTest;

/**
 * The administrator {@code demo}, with a browser whose language is English, sees the welcome page and Camunda
 * Admin in Vietnamese (headless Chromium, Debian's packages; skipped without them): the login page, the welcome
 * page, the users, a user's pages, the groups, the authorizations, the system page, the account menu and Admin's
 * login page show no English text, and a bad login and a bad new-user form get Vietnamese messages. Screenshots
 * (and the texts checked) in {@code target/screenshots/}.
 */
@MotcuaTest
class AdminBrowserTest {

    /** English that must not remain on the screens (case-sensitive, whole words), besides en.json's phrases. */
    static final List<String> ENGLISH = List.of("Admin", "Tasklist", "Welcome", "Applications", "Links",
            "Documentation", "Profile", "Account", "Users", "User", "Groups", "Group", "Tenants", "Tenant",
            "Authorizations", "Authorization", "System", "Dashboard", "Log in", "Log out", "Login", "Logout",
            "Username", "Password", "Edit", "Delete", "Remove", "Create", "Add", "Cancel", "Save", "Update", "Name",
            "First Name", "Last Name", "Email", "Action", "Type", "Filter", "Application", "Permissions", "Resource",
            "Powered by", "Date and Time", "Warning", "Notice", "Unlock", "General", "Settings", "Diagnostics",
            "Execution Metrics", "List of", "Please", "Loading", "Next", "Previous", "First", "Last", "Camunda 8",
            "migrate", "Sort by", "Created", "Due", "Claim", "Complete", "Processes", "Process", "Task", "Tasks",
            "Failed", "Error", "Success", "Wrong credentials", "required", "Required", "must match", "Not a valid",
            "ALLOW", "DENY", "Batch", "Deployment", "Decision", "Report");
    /** A translation key shown instead of its text. */
    static final Pattern KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}\\b");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    WebDriver browser;
    WebDriverWait wait;
    String base;
    Set<String> english;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start(1400, 1000, options -> {
            // an English browser: the last --lang wins over Chromium.start's own, and the Accept-Language list
            options.addArguments("--lang=en-US");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        base = "http://127.0.0.1:" + port + "/camunda/app/";
        english = new LinkedHashSet<>(ENGLISH);
        english.addAll(phrases("admin"));
        english.addAll(phrases("welcome"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdministratorSeesTheWelcomePageAndAdminInVietnameseWithAnEnglishBrowser() throws Exception {
        Api admin = Api.at(port).as("demo", "demo");

        browser.get(base + "welcome/default/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        assertThat(script("return navigator.languages[0]")).isEqualTo("en-US");
        screen("welcome-login", "Đăng nhập");
        assertThat(username.getAttribute("placeholder")).isEqualTo("Tên đăng nhập");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allMatch(banner -> !banner.isDisplayed());

        // a bad login: a Vietnamese message (an unknown user, so that demo is not locked)
        username.sendKeys("khong.ton.tai");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("sai-mat-khau");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        screen("welcome-login-failed", "Đăng nhập không thành công",
                "Sai thông tin đăng nhập, tài khoản bị khóa hoặc không có quyền truy cập ứng dụng");

        username = browser.findElement(By.cssSelector("input[ng-model='username']"));
        username.clear();
        username.sendKeys("demo");
        WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
        password.clear();
        password.sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        screen("welcome", "Ứng dụng", "Giám sát (Cockpit)", "Danh sách công việc", "Quản trị", "Hồ sơ cá nhân",
                "Sửa hồ sơ cá nhân", "Đổi mật khẩu");

        open("admin/default/#/users");
        screen("admin-users", "Danh sách người dùng", "Thêm người dùng", "Họ và tên đệm", "Thư điện tử",
                "tiepnhan.hcc", "Đơn vị (tenant)", "Phân quyền", "Hệ thống");
        // the page title is translated a moment after the page's texts: wait for it rather than read it once
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.titleIs("Một cửa Quản trị | Người dùng"));
        } catch (TimeoutException e) {
            // fall through to the assertion, which names what the title was
        }
        assertThat(browser.getTitle()).isEqualTo("Một cửa Quản trị | Người dùng");
        assertThat(text()).contains("Ngày giờ hiển thị theo múi giờ địa phương").contains("Vận hành trên nền");

        open("admin/default/#/users/tiepnhan.hcc?tab=profile");
        screen("admin-user-profile", "Sửa người dùng Nguyễn Thị Lan", "Hồ sơ", "Tài khoản", "Cập nhật hồ sơ");
        assertThat(browser.findElement(By.cssSelector("input[ng-model='profileCopy.firstName'], #inputFirstname"))
                .getAttribute("value")).isEqualTo("Nguyễn Thị");
        open("admin/default/#/users/tiepnhan.hcc?tab=groups");
        screen("admin-user-groups", "Nhóm của Nguyễn Thị Lan", "Thêm vào nhóm", "ID nhóm", "hcc_reception");
        open("admin/default/#/users/tiepnhan.hcc?tab=account");
        screen("admin-user-account", "Đổi mật khẩu", "Xóa người dùng", "Mở khóa người dùng",
                "không thể hoàn tác việc xóa tài khoản người dùng");

        open("admin/default/#/groups");
        screen("admin-groups", "Danh sách nhóm", "Tạo nhóm mới", "hcc_reception",
                "Bộ phận Một cửa - Trung tâm Phục vụ hành chính công thành phố Huế");
        open("admin/default/#/groups/hcc_reception?tab=group");
        screen("admin-group", "Chi tiết nhóm", "Tên nhóm", "Cập nhật nhóm", "Xóa nhóm");

        open("admin/default/#/authorization?resource=0");
        screen("admin-authorizations", "Tạo phân quyền mới", "Người dùng / Nhóm", "ID tài nguyên", "CHO PHÉP",
                "Định nghĩa quy trình", "Phiên bản quy trình", "Triển khai", "Bộ lọc");

        open("admin/default/#/system?section=system-settings-general");
        screen("admin-system", "Thiết lập hệ thống", "Thông tin chung", "Chẩn đoán", "Số liệu thực thi",
                "đang hoạt động bình thường");

        // a bad new user: Vietnamese messages, the button stays disabled, and no user is created
        open("admin/default/#/user-create");
        screen("admin-user-create", "Tài khoản người dùng", "ID người dùng là bắt buộc.", "Mật khẩu là bắt buộc.");
        browser.findElement(By.id("inputUserId")).sendKeys("thu.nghiem");
        browser.findElement(By.id("inputPassword")).sendKeys("mat-khau-dai-du-8");
        browser.findElement(By.id("inputPasswordRepeat")).sendKeys("mat-khau-khac");
        browser.findElement(By.id("inputFirstname")).sendKeys("Trần Văn");
        browser.findElement(By.id("inputLastname")).sendKeys("Thử");
        browser.findElement(By.id("inputEmail")).sendKeys("khong-phai-thu-dien-tu");
        screen("admin-user-create-invalid", "Mật khẩu nhập lại không khớp.", "Địa chỉ thư điện tử không hợp lệ.");
        WebElement create = browser.findElement(By.cssSelector("button[ng-click='createUser()']"));
        assertThat(create.getText()).isEqualTo("Tạo người dùng mới");
        assertThat(create.isEnabled()).isFalse();
        create.click();
        assertThat(admin.get("/engine-rest/user/thu.nghiem/profile").status()).isEqualTo(404);

        // the account menu, logging out, and Admin's own login page
        browser.findElement(By.cssSelector("[cam-widget-header] li.account > a")).click();
        screen("admin-account-menu", "Hồ sơ cá nhân", "Đăng xuất");
        browser.findElement(By.xpath("//a[contains(., 'Đăng xuất')]")).click();
        screen("admin-login", "Đăng xuất thành công", "Cảm ơn bạn đã sử dụng hệ thống hôm nay.", "Quản trị",
                "Đăng nhập");
        assertThat(browser.findElement(By.cssSelector("input[ng-model='username']")).getAttribute("placeholder"))
                .isEqualTo("Tên đăng nhập");
    }

    /** Opens a page of an app that is already loaded in the browser. */
    private void open(String path) {
        browser.get(base + path);
    }

    /**
     * Waits until the screen shows every expected text, keeps its screenshot, then checks that its visible texts
     * (the page, its title, placeholders and tooltips) hold no English and no untranslated key.
     */
    private void screen(String name, String... expected) throws IOException {
        try {
            wait.until(driver -> {
                String text = text();
                return Arrays.stream(expected).allMatch(text::contains) && !text.contains("{{");
            });
        } catch (TimeoutException e) {
            // what the screen shows instead is checked below, so that the failure says what is wrong
        }
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        String shown = text() + "\n" + browser.getTitle() + "\n" + script("""
                return Array.from(document.querySelectorAll('[placeholder], [title]'))
                    .filter(e => e.offsetParent !== null)
                    .map(e => (e.getAttribute('placeholder') || '') + ' ' + (e.getAttribute('title') || ''))
                    .join('\\n');""");
        Files.writeString(Path.of("target", "screenshots", name + ".txt"), shown);
        List<String> left = new ArrayList<>();
        for (String word : english) {
            if (Pattern.compile("(?<![\\p{L}\\d_.-])" + Pattern.quote(word) + "(?![\\p{L}\\d_-])").matcher(shown).find()) {
                left.add(word);
            }
        }
        assertThat(left).as("English on " + name).isEmpty();
        assertThat(KEY.matcher(shown).results().map(r -> r.group()).toList()).as("keys on " + name).isEmpty();
        assertThat(shown).as(name).contains(expected).doesNotContain("{{");
    }

    private String text() {
        return String.valueOf(script("return document.body.innerText"));
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** en.json's texts of two words or more, without markup: none may appear on a screen. */
    static Set<String> phrases(String app) throws IOException {
        String resource = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
        try (InputStream in = AdminBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            JsonNode labels = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("^\uFEFF", "")).path("labels");
            Set<String> phrases = new LinkedHashSet<>();
            for (Iterator<JsonNode> values = labels.elements(); values.hasNext(); ) {
                String value = values.next().asText().trim().replaceAll("[*:.…]+$", "");
                if (value.matches("[A-Za-z][A-Za-z' ]*[A-Za-z]") && value.contains(" ") && !value.contains("Camunda")) {
                    phrases.add(value);
                }
            }
            return phrases;
        }
    }
}
