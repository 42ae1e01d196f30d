package nl.deelpoort.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.deelpoort.keycloak.KeycloakLauncher;
import org.keycloak.admin.client.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real browser on the console: Debian's headless Chromium driven by WebDriver, logging in on the
 * real Keycloak login page. {@link #check} runs axe-core (the npm package, installed by the build
 * into {@code target/axe}) against WCAG 2.1 A and AA on the page shown and fails on any violation,
 * and saves a screenshot under {@code target/console-screenshots}.
 *
 * <p>The realm's console client accepts redirects to the contract's port 8080; the tests' gateway
 * runs on a free port, which {@link #open} adds to the client through Keycloak's admin API.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final String PASSWORD = "demo";
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
    private static final Set<Integer> REGISTERED = ConcurrentHashMap.newKeySet();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChromeDriver driver;
    private final String base;

    private ConsoleBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (no cookies) for the gateway on {@code port}. */
    public static ConsoleBrowser open(int port) {
        allowRedirects(port);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--lang=nl");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        Path.of(binary("chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(driver, "http://localhost:" + port);
    }

    private static String binary(String name, String path) {
        if (!Files.isExecutable(Path.of(path))) {
            fail(name + " is not installed at " + path + " (Debian packages chromium and chromium-driver;"
                    + " .ci/run installs them)");
        }
        return path;
    }

    /** Ends every Keycloak session of a demo user, as an administrator would (or a logout elsewhere). */
    public static void endKeycloakSessions(String username) {
        try (Keycloak admin = admin()) {
            var users = admin.realm(KeycloakLauncher.REALM).users();
            users.get(users.search(username, true).get(0).getId()).logout();
        }
    }

    private static Keycloak admin() {
        return KeycloakAdmin.open();
    }

    /** Adds {@code http://localhost:port/*} to the console client's redirect and logout URIs, once. */
    static void allowRedirects(int port) {
        if (!REGISTERED.add(port)) {
            return;
        }
        String uri = "http://localhost:" + port + "/*";
        try (Keycloak admin = admin()) {
            var clients = admin.realm(KeycloakLauncher.REALM).clients();
            var client = clients.findByClientId("deelpoort-console").get(0);
            List<String> redirects = new ArrayList<>(client.getRedirectUris());
            redirects.add(uri);
            client.setRedirectUris(redirects);
            Map<String, String> attributes = new java.util.HashMap<>(client.getAttributes());
            attributes.merge("post.logout.redirect.uris", uri, (a, b) -> a + "##" + b);
            client.setAttributes(attributes);
            clients.get(client.getId()).update(client);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** Opens a console path (e.g. {@code /console/inbox}). */
    public ConsoleBrowser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Logs in from the start page through Keycloak's login form, as a demo user of the dev realm. */
    public ConsoleBrowser login(String username) {
        go("/console");
        driver.findElement(By.cssSelector("a.button[href$='/console/oauth2/authorization/deelpoort-console']"))
                .click();
        waitFor(By.id("username"));
        driver.findElement(By.id("username")).sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            // The realm has organisations enabled: Keycloak asks the username first, then the password.
            driver.findElement(By.id("kc-login")).click();
            waitFor(By.id("password"));
        }
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(base + "/console"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=who]")))
                .as("header after login at " + driver.getCurrentUrl() + ": " + main())
                .isNotEmpty();
        assertThat(text(By.cssSelector("[data-testid=who]"))).contains(username);
        return this;
    }

    /** Logs out with the header's button (ends the Keycloak session too). */
    public ConsoleBrowser logout() {
        driver.findElement(By.cssSelector("form[action$='/console/logout'] button"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(base + "/console")
                        && d.findElements(By.cssSelector("[data-testid=who]")).isEmpty());
        return this;
    }

    /**
     * Resizes the window so the page's viewport is {@code width} CSS pixels wide: 1280 for a laptop,
     * 768 for a tablet, 640 for a laptop at 200 % zoom, 320 for WCAG 1.4.10 reflow.
     */
    public ConsoleBrowser width(int width) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
        return this;
    }

    /** Whether the page scrolls sideways (WCAG 1.4.10: it should not, except inside wide tables). */
    public boolean scrollsSideways() {
        Object wider = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /** Presses Tab {@code times} from the top of the page; answers the focused element. */
    public WebElement tab(int times) {
        WebElement focused = driver.switchTo().activeElement();
        for (int i = 0; i < times; i++) {
            focused.sendKeys(org.openqa.selenium.Keys.TAB);
            focused = driver.switchTo().activeElement();
        }
        return focused;
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    /** The text of the page's {@code <main>}. */
    public String main() {
        return text(By.tagName("main"));
    }

    /** Fills a field by its label's {@code for} id. */
    public ConsoleBrowser fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    public ConsoleBrowser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    /**
     * Clicks what submits a form and waits until the answer has replaced this page. The old page's root
     * is gone once it is stale; ChromeDriver may also say so as "Node with given id does not belong to
     * the document" while the new document loads, which {@code ExpectedConditions.stalenessOf} does not
     * take for an answer (a flaky failure seen in CI).
     */
    public ConsoleBrowser submitAndWait(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(button);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> gone(page));
        return this;
    }

    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (stale(e)) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Waits up to {@code timeout} until the page's main text contains {@code text}, across a navigation:
     * reading the text of a page being replaced (a stale element, in either of ChromeDriver's words) is
     * "not yet", not a failure (a flaky failure seen in CI after a click that posts a form).
     */
    public ConsoleBrowser awaitMain(String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> {
            try {
                return main().contains(text);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (stale(e)) {
                    return false;
                }
                throw e;
            }
        });
        return this;
    }

    /** Whether the element read belonged to a page that is gone or going. */
    private static boolean stale(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Saves a screenshot as {@code name.png} and runs axe-core's WCAG 2.1 A and AA rules on the page:
     * any violation fails the test, listing rule, impact and the elements concerned.
     */
    public ConsoleBrowser check(String name) {
        screenshot(name);
        List<String> violations = axeViolations();
        assertThat(violations)
                .as("axe-core WCAG 2.1 A/AA violations on " + name + " (" + driver.getCurrentUrl() + ")")
                .isEmpty();
        return this;
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    private List<String> axeViolations() {
        String axe;
        try {
            axe = Files.readString(AXE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "axe-core is not installed at " + AXE + " (the gateway build runs npm ci)", e);
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                + " resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify({ok: true, violations: r.violations})); })"
                + ".catch(function (e) { done(JSON.stringify({ok: false, error: String(e)})); });");
        JsonNode report = JSON.readTree(String.valueOf(result));
        if (!report.path("ok").asBoolean()) {
            throw new IllegalStateException(
                    "axe-core did not run: " + report.path("error").asString());
        }
        List<String> found = new ArrayList<>();
        for (JsonNode v : report.path("violations")) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : v.path("nodes")) {
                targets.add(node.path("target").toString());
            }
            found.add(v.path("id").asString() + " (" + v.path("impact").asString() + "): "
                    + v.path("help").asString() + " at " + targets);
        }
        return found;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
