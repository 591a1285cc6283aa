package ru.appealdesk.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven headless by Playwright for Java. Never downloads a browser: it uses {@code CHROMIUM_PATH},
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromium-browser}. Without one the browser tests are skipped, except with
 * {@code CI=true}, where a missing Chromium is a failure ({@code .ci/run} installs it). {@code -DskipE2E=true} skips them.
 */
final class Chromium implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "e2e");

  private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
      "--disable-dev-shm-usage", "--lang=ru-RU");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Path executable) {
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
  }

  /** Starts the browser, or skips/fails the calling test as described in the class comment. */
  static Chromium launch() {
    Assumptions.assumeFalse(Boolean.getBoolean("skipE2E"), "browser tests switched off with -DskipE2E=true");
    Optional<Path> executable = find();
    if (executable.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but no Chromium found (install Debian's chromium: apt-get install -y chromium)");
      }
      Assumptions.abort("no Chromium installed: browser tests skipped (apt-get install -y chromium)");
    }
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    return new Chromium(executable.get());
  }

  static Optional<Path> find() {
    return Stream.of(System.getenv("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
        .filter(p -> p != null && !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** A fresh browser context (own cookies, so one Tasklist login) with a Russian locale and a desktop-sized window. */
  Page newPage() {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale("ru-RU").setViewportSize(1400, 900));
    context.setDefaultTimeout(20_000);
    return context.newPage();
  }

  /**
   * A fresh context as a phone: 360 × 740 CSS pixels, mobile (so the page's viewport meta tag counts, as on a real
   * phone), touch, in the given locale; {@code javaScript} false for the plain-HTML check of the public pages.
   */
  Page newPhonePage(String locale, boolean javaScript) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale(locale).setViewportSize(360, 740).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
        .setJavaScriptEnabled(javaScript));
    context.setDefaultTimeout(20_000);
    return context.newPage();
  }

  /** Writes {@code target/e2e/<name>.png} for a person to look at. */
  static Path screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
