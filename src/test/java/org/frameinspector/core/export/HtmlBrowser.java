package org.frameinspector.core.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.frameinspector.TestFiles;
import org.frameinspector.core.json.Json;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Headless Chromium for the HTML report's tests: Debian's {@code chromium} driven through its {@code chromedriver}
 * (nothing is downloaded: the driver's path is given, and the browser is told to make no background requests), with
 * a fresh profile and the performance log on, so a test can see every request the page made.
 */
final class HtmlBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private HtmlBrowser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /** Starts the browser, or skips the calling test with one line (fails it in CI) when Chromium is not installed. */
    static HtmlBrowser start(Path profile) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            TestFiles.missing("needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        Files.createDirectories(profile);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1500,1150", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(svc, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return new HtmlBrowser(d, svc);
    }

    /** Opens a report and waits until its script has drawn it. */
    void open(Path report) {
        driver.get(report.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(w -> js("return document.documentElement.dataset.ready || null") != null);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A request the page started: its URL, and why the browser refused it (null: it went out). */
    record Request(String url, String document, String blockedReason) {
        boolean local() {
            return url.startsWith("file:") || url.startsWith("data:");
        }

        /** Made by a page opened from a file (a report), not by the browser's own pages. */
        boolean fromReport() {
            return document != null && document.startsWith("file:");
        }

        /** A request that went out to a network (anything but the browser's own files and pages). */
        boolean wentOut() {
            return blockedReason == null && !local() && !url.startsWith("chrome:") && !url.startsWith("chrome-extension:")
                    && !url.startsWith("devtools:") && !url.startsWith("about:");
        }
    }

    /** Every request the page started since the last call, from the performance log (DevTools' Network events). */
    List<Request> requests() {
        Map<String, String> urls = new LinkedHashMap<>(), docs = new HashMap<>(), blocked = new HashMap<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try (JsonParser p = Json.parser(e.getMessage())) {
                String method = null, id = null, url = null, doc = null, reason = null;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t != JsonToken.PROPERTY_NAME) continue;
                    String k = p.currentName();
                    if (k.equals("method") && method == null && p.nextToken() == JsonToken.VALUE_STRING) method = p.getString();
                    else if (k.equals("requestId") && p.nextToken() == JsonToken.VALUE_STRING) id = p.getString();
                    else if (k.equals("url") && url == null && p.nextToken() == JsonToken.VALUE_STRING) url = p.getString();
                    else if (k.equals("documentURL") && p.nextToken() == JsonToken.VALUE_STRING) doc = p.getString();
                    else if (k.equals("blockedReason") && p.nextToken() == JsonToken.VALUE_STRING) reason = p.getString();
                }
                if ("Network.requestWillBeSent".equals(method) && id != null && url != null) {
                    urls.putIfAbsent(id, url);
                    if (doc != null) docs.putIfAbsent(id, doc);
                }
                if ("Network.loadingFailed".equals(method) && id != null && reason != null) blocked.put(id, reason);
            }
        }
        List<Request> out = new ArrayList<>();
        urls.forEach((id, url) -> out.add(new Request(url, docs.get(id), blocked.get(id))));
        return out;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
