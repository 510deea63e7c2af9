package org.disclosurereports.console;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real browser on the console: Debian's {@code chromium} driven through its {@code chromedriver}
 * (packages chromium and chromium-driver). Screenshots of the pages go under {@code target/}, never
 * into the repository.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final WebDriver driver;
    private final String base;
    private final String prefix;
    private int shots;

    private ConsoleBrowser(WebDriver driver, String base, String prefix) {
        this.driver = driver;
        this.base = base;
        this.prefix = prefix;
    }

    /** Why no browser can be started here, or empty when one can. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("the browser story needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver); skipped");
        }
        return Optional.empty();
    }

    static ConsoleBrowser open(int port, String prefix) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1800",
                "--disable-background-networking", "--no-first-run", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(3));
        return new ConsoleBrowser(driver, "http://127.0.0.1:" + port, prefix);
    }

    void go(String path) {
        driver.get(base + path);
    }

    void signIn(String user, String password) {
        go("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        submit(driver.findElement(By.cssSelector("button[type=submit]")));
    }

    void signOut() {
        submit(driver.findElement(By.cssSelector("header form button")));
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks the form's button and waits until the page it leads to has replaced this one. */
    void click(String id) {
        submit(driver.findElement(By.id(id)));
    }

    private void submit(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofMinutes(3)).until(d -> replaced(page));
    }

    /**
     * Whether the page's root element is gone. Chromium answers for a node of a page it has left either as
     * stale or, while the next page loads, with "does not belong to the document": both mean replaced.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void follow(String linkText) {
        submit(driver.findElement(By.linkText(linkText)));
    }

    List<String> linkTexts() {
        return driver.findElements(By.tagName("a")).stream().map(WebElement::getText).toList();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Keeps a picture of the page, numbered in the order of the story. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, ++shots, name)), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
