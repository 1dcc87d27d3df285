package org.childalert.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's own headless chromium, driven through Debian's chromium-driver (no driver is downloaded), one
 * fresh profile per person: what a coordinator, an officer or a volunteer sees in the console.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    /** Where {@link #frame} saves the frames of the recording. */
    static final Path RECORDING = Path.of("target", "recording");
    private static final java.util.concurrent.atomic.AtomicInteger FRAMES = new java.util.concurrent.atomic.AtomicInteger();

    private static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A new browser whose preferred languages are the given ones (its Accept-Language header). */
    static Browser open(String acceptLanguages) throws IOException {
        Path profile = Files.createTempDirectory("childalert-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                        "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=" + acceptLanguages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, profile);
    }

    /** Opens a console page; the first time, Keycloak's own login page asks for the user's password. */
    Browser signIn(String username) {
        return signIn(username, username + "-pass");
    }

    /** Signs in on Keycloak's login page with the given password (a throwaway user's). */
    Browser signIn(String username, String password) {
        driver.get(Stack.GATEWAY + "/oauth2/authorization/keycloak");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        // on every page once signed in (a volunteer without a record lands on the sign-up, not the start page)
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        return this;
    }

    Browser go(String path) {
        driver.get(Stack.GATEWAY + path);
        return this;
    }

    WebElement find(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        }
        catch (TimeoutException e) {
            throw new AssertionError("No " + by + " on " + driver.getCurrentUrl() + ", which shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Browser type(By field, String text) {
        WebElement input = find(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Sets a date or time input, whose typing format depends on the browser's language. */
    Browser setValue(By field, String value) {
        driver.executeScript("arguments[0].value = arguments[1]", find(field), value);
        return this;
    }

    Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Clicks a link or a submit button and waits until the next page has replaced this one. */
    Browser follow(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        wait.until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    /**
     * The text of an element; one that live updates replace (the alert's status badge, the deliveries) may be swapped
     * between finding and reading it, and is then found again.
     */
    String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(by).getText();
            }
            catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    /** What the page says, for failure messages. */
    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(Stack.GATEWAY.length());
    }

    String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    void refresh() {
        driver.navigate().refresh();
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png}, at the given window size. */
    void screenshot(String name, Dimension size) throws IOException {
        driver.manage().window().setSize(size);
        try {
            Path target = screenshots().resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        }
        finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }

    void screenshot(String name) throws IOException {
        screenshot(name, DESKTOP);
    }

    /** Scrolls the page so that this element is at the top of the window, for a screenshot of what lies below it. */
    Browser scrollTo(By by) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", find(by));
        return this;
    }

    /** Resizes the window (a phone, a desktop) for what follows. */
    Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /**
     * Saves what the browser shows, at its current size, as {@code target/screenshots/<name>.png} of the module
     * running the test: evidence of a run, not the README's pictures.
     */
    Path evidence(String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        return target.toAbsolutePath();
    }

    /**
     * Saves what the browser shows, at the desktop size, as the next frame of the README's animated image of an alert
     * from request to "found": {@code target/recording/NN-<name>.png}, numbered in the order taken (bin/console-recording
     * assembles them). Every frame has the same size, as an animation's frames must.
     */
    Path frame(String name) throws IOException {
        driver.manage().window().setSize(DESKTOP);
        Path target = Files.createDirectories(RECORDING)
                .resolve(String.format("%02d-%s.png", FRAMES.incrementAndGet(), name));
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        return target.toAbsolutePath();
    }

    /** Forgets the frames of an earlier run, so that a recording holds one run's frames only. */
    static void startRecording() throws IOException {
        FRAMES.set(0);
        if (Files.isDirectory(RECORDING)) {
            try (var frames = Files.list(RECORDING)) {
                for (Path frame : frames.toList()) {
                    Files.delete(frame);
                }
            }
        }
    }

    /** Marks the page now shown, so that {@link #stillTheSamePage()} tells whether it was reloaded or left since. */
    Browser markThePage() {
        driver.executeScript("window.childAlertMark = 'unchanged';");
        return this;
    }

    /** True when the page marked by {@link #markThePage()} is still the one shown: no reload, no navigation. */
    boolean stillTheSamePage() {
        return "unchanged".equals(driver.executeScript("return window.childAlertMark || null;"));
    }

    /** Runs a script in the page and returns what it returns. */
    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** The id of the element that has the keyboard focus, or an empty string. */
    String focusedId() {
        Object id = driver.executeScript("return document.activeElement ? document.activeElement.id : '';");
        return id == null ? "" : id.toString();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static Path screenshots() throws IOException {
        File dir = new File("").getAbsoluteFile();
        while (dir != null && !new File(dir, "bin/stack").isFile()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("the repository root (with bin/stack) is not above " + new File("").getAbsolutePath());
        }
        return Files.createDirectories(dir.toPath().resolve("docs/screenshots"));
    }
}
