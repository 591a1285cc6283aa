package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.report.SlaKnownCases;

/**
 * Issue 17, "done when": the appeals controller opens {@code /reports} in Chromium, picks the period of the known set
 * ({@link SlaKnownCases}) and sees its figures, the charts drawn by Chart.js and a print layout without the form; an
 * employee outside the report groups is refused (the client-rights officer sees Kazakhstan), a visitor without a
 * login is asked for one. Screenshots:
 * {@code target/e2e/reports-*.png}.
 */
class ReportsPageE2ETest extends BrowserTest {

  @Autowired
  SlaKnownCases cases;

  private Page as(String user) {
    Page page = chromium.newPage();
    page.setExtraHTTPHeaders(Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))));
    return page;
  }

  private static Locator figure(Locator scope, String name) {
    return scope.locator("[data-figure=" + name + "]");
  }

  private static void figures(Locator scope, List<String> expected) {
    List<String> names = List.of("received", "answered", "answeredOnTime", "breached", "medianDaysToAnswer",
        "openNow", "overdueNow");
    for (int i = 0; i < names.size(); i++) {
      assertThat(figure(scope, names.get(i)).first()).hasText(expected.get(i));
    }
  }

  @Test
  void theControllerSeesTheFiguresOfTheKnownSetWithChartsAndCanPrintThem() {
    cases.ensure();
    Page page = as("controller");
    Response first = page.navigate(baseUrl() + "/reports");
    assertThat(first.status()).isEqualTo(200);
    assertThat(page.locator("html")).hasAttribute("lang", "ru");
    assertThat(page.locator("h1")).hasText("Отчёт о сроках рассмотрения обращений");

    page.fill("input[name=from]", SlaKnownCases.FROM);
    page.fill("input[name=to]", SlaKnownCases.TO);
    page.click("button[type=submit]");
    page.waitForURL("**/reports?from=2026-09-01&to=2026-09-30**");
    assertThat(page.locator("#period")).hasText("01.09.2026 — 30.09.2026");

    // the controller sees Russia only
    assertThat(page.locator("section.jurisdiction")).hasCount(1);
    Locator ru = page.locator("section.jurisdiction[data-jurisdiction=RU]");
    assertThat(ru.locator("h2")).containsText("Россия");
    figures(ru.locator("dl.totals"), List.of("4", "2", "1", "2", "9,5", "2", "1"));
    Locator legal = ru.locator("table[data-breakdown=byGroup] tr[data-key=legal]");
    assertThat(legal.locator("td").first()).hasText("Юридический отдел");
    figures(legal, List.of("3", "2", "1", "2", "9,5", "1", "1"));
    figures(ru.locator("table[data-breakdown=byGroup] tr[data-key=branch-head]"),
        List.of("1", "0", "0", "0", "—", "1", "0"));
    figures(ru.locator("table[data-breakdown=byChannel] tr[data-key=WEBSITE]"),
        List.of("1", "0", "0", "0", "—", "1", "0"));
    assertThat(ru.locator("table.breaches tr[data-step=Task_PrepareAnswer] [data-figure=cases]")).hasText("2");

    // three charts drawn by Chart.js (canvases with pixels, the library's instance attached)
    assertThat(ru.locator("canvas[data-drawn=true]")).hasCount(3);
    Object drawn = page.evaluate("() => Array.from(document.querySelectorAll('canvas[data-chart]'))"
        + ".every(c => typeof Chart !== 'undefined' && Chart.getChart(c) !== undefined && c.width > 0)");
    assertThat(drawn).isEqualTo(true);
    Chromium.screenshot(page, "reports-01-controller");

    // printable: the period form is hidden on paper, the figures stay
    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
    assertThat(page.locator("form.period")).isHidden();
    assertThat(figure(ru.locator("dl.totals"), "received")).isVisible();
    Chromium.screenshot(page, "reports-02-print");
  }

  @Test
  void otherEmployeesAreRefusedAndVisitorsAskedToLogIn() {
    Page lawyer = as("lawyer");
    Response refused = lawyer.navigate(baseUrl() + "/reports");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(lawyer.locator("html")).hasAttribute("lang", "ru");
    assertThat(lawyer.locator("h1")).hasText("Нет доступа");

    Page officer = as("rightsofficer");
    Response kz = officer.navigate(baseUrl() + "/reports?from=2026-09-01&to=2026-09-30");
    assertThat(kz.status()).isEqualTo(200);
    assertThat(officer.locator("section.jurisdiction")).hasCount(1);
    assertThat(officer.locator("section.jurisdiction[data-jurisdiction=KZ]")).hasCount(1);

    // without a login the browser is asked for one (headless Chromium has no dialog: checked over plain HTTP)
    var login = ru.appealdesk.support.Http.anonymous(baseUrl()).get("/reports");
    assertThat(login.statusCode()).isEqualTo(401);
    assertThat(login.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h)
        .startsWith("Basic"));
    assertThat(login.body()).contains("<html lang=\"ru\"").contains("Нужен вход");

    Response bad = officer.navigate(baseUrl() + "/reports?from=2026-13-01&to=2026-09-30");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(officer.locator(".errors")).containsText("Период с:");
  }
}
