package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.appeal.AppealQueries;
import ru.appealdesk.casefile.CaseFile;

/**
 * A client on a phone (360 px, mobile Chromium): submits an appeal on the public page, gets the number and the status
 * link at once, later answers the company's information request with a text and a photo; a Kazakh client follows the
 * appeal in Kazakh; and the form works with JavaScript switched off. Screenshots: {@code target/e2e/client-*.png}.
 */
class ClientPagesE2ETest extends BrowserTest {

  private static final AtomicInteger ADDRESS = new AtomicInteger(1);
  private static final Pattern STATUS_URL = Pattern.compile("/status/([A-Z]{2}-\\d{4}-\\d{6})\\?token=");

  @Autowired
  TaskService taskService;
  @Autowired
  AppealQueries appeals;
  @Autowired
  CaseFile caseFile;

  /** A phone of its own address (the tests trust one proxy hop), so rate limits of other tests do not apply. */
  private Page phone(String locale, boolean javaScript) {
    Page page = chromium.newPhonePage(locale, javaScript);
    page.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "10.88.0." + ADDRESS.getAndIncrement()));
    return page;
  }

  @Test
  void aClientSubmitsOnAPhoneFollowsTheStatusAndAnswersTheInformationRequest() throws Exception {
    Page page = phone("ru-RU", true);
    page.navigate(baseUrl() + "/appeal");
    assertThat(page.locator("h1")).hasText("Подать обращение");
    assertThat(page.locator(".brand-name")).hasText("ООО МКК «Надёжный заём»");
    assertFitsThePhone(page);
    Chromium.screenshot(page, "client-phone-01-form");

    page.selectOption("#f-type", "COMPLAINT");
    assertThat(page.locator("#f-subject optgroup[data-type=APPLICATION]")).isHidden();
    assertThat(page.locator("#f-contractNumber")).isHidden(); // for applications only
    page.selectOption("#f-subject", "EMPLOYEE_CONDUCT");
    page.fill("#f-text", "Сотрудник офиса отказался принять мой платёж и был груб.");
    page.fill("#f-fullName", "Кузнецова Мария Ивановна");
    page.fill("#f-phone", "+7 900 555-44-33");
    page.fill("#f-email", "maria-" + System.nanoTime() + "@example.test");
    page.check("#f-consent");
    Chromium.screenshot(page, "client-phone-02-filled");
    page.click("button[type=submit]");

    page.waitForURL(STATUS_URL);
    caseNumber = number(page.url());
    assertThat(page.locator(".alert.success h2")).hasText("Обращение принято");
    assertThat(page.locator(".alert.success")).containsText("Номер вашего обращения: " + caseNumber);
    assertThat(page.locator(".status-link a")).containsText("/status/" + caseNumber + "?token=");
    assertThat(page.locator("h1")).hasText("Обращение № " + caseNumber);
    assertFitsThePhone(page);
    Chromium.screenshot(page, "client-phone-03-accepted");

    Task register = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    taskService.complete(register.getId(), Map.of("originalMarked", true));
    Task request = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    taskService.complete(request.getId(), Map.of("informationRequestText",
        "Укажите адрес офиса, дату и время, приложите чек, если он есть."));

    page.reload();
    assertThat(page.locator(".status-now")).hasText("Статус: Запрошена дополнительная информация");
    assertThat(page.locator("blockquote.request")).hasText(
        "Укажите адрес офиса, дату и время, приложите чек, если он есть.");
    assertThat(page.locator("ol.steps li")).hasCount(3);
    Chromium.screenshot(page, "client-phone-04-information-requested");

    page.fill("#f-text", "Офис на ул. Ленина, 10, 25 ноября около 15:00. Чек прилагаю.");
    page.setInputFiles("#f-files", new FilePayload("чек.png", "image/png", png()));
    page.click("#information button[type=submit]");
    assertThat(page.locator(".alert.success")).containsText("Спасибо! Ваш ответ получен");
    assertThat(page.locator("#information")).hasCount(0);
    assertThat(page.locator("ol.steps")).containsText("Дополнительная информация получена");
    assertFitsThePhone(page);
    Chromium.screenshot(page, "client-phone-05-information-sent");

    assertThat(appeals.view(caseNumber).information()).singleElement()
        .satisfies(i -> assertThat(i.note()).startsWith("Офис на ул. Ленина, 10"));
    assertThat(caseFile.list(caseNumber)).singleElement().satisfies(d -> {
      assertThat(d.fileName()).isEqualTo("чек.png");
      assertThat(d.contentType()).isEqualTo("image/png");
    });
  }

  @Test
  void aKazakhClientFollowsTheAppealInKazakh() {
    Page page = phone("kk-KZ", true);
    page.navigate(baseUrl() + "/appeal?lang=kk");
    assertThat(page.locator("html")).hasAttribute("lang", "kk");
    assertThat(page.locator("h1")).hasText("Өтініш беру");
    Chromium.screenshot(page, "client-kk-01-form");

    page.selectOption("#f-type", "GRATITUDE");
    assertThat(page.locator("#subject-field")).isHidden();
    page.fill("#f-text", "Алматыдағы кеңсе қызметкерлеріне көмектері үшін алғыс айтамын.");
    page.fill("#f-fullName", "Ахметов Ерлан");
    page.fill("#f-phone", "+7 701 000-11-22");
    page.check("#f-consent");
    page.click("button[type=submit]");

    page.waitForURL(STATUS_URL);
    caseNumber = number(page.url());
    assertThat(caseNumber).startsWith("KZ-");
    assertThat(page.locator("h1")).hasText("№ " + caseNumber + " өтініш");
    assertThat(page.locator(".alert.success h2")).hasText("Өтініш қабылданды");
    assertThat(page.locator(".status-now")).containsText("Мәртебесі:");
    assertThat(page.locator("ol.steps li").first()).containsText("Өтініш алынды");
    assertThat(page.locator(".site-footer")).containsText("«Сенім Кредит» МҚҰ ЖШС");
    assertFitsThePhone(page);
    Chromium.screenshot(page, "client-kk-02-status");

    page.navigate(page.url().replace("&accepted=1", "") + "&lang=ru");
    assertThat(page.locator(".status-now")).containsText("Статус:");
    page.navigate(baseUrl() + "/status/" + caseNumber + "?token=wrong&lang=kk");
    assertThat(page.locator("h1")).hasText("Өтініш табылмады");
    Chromium.screenshot(page, "client-kk-03-wrong-link");
  }

  @Test
  void theFormWorksWithoutJavaScript() {
    Page page = phone("ru-RU", false);
    page.navigate(baseUrl() + "/appeal");
    assertThat(page.locator("#f-subject optgroup[data-type=APPLICATION]")).hasCount(1);
    page.selectOption("#f-type", "COMPLAINT");
    page.click("button[type=submit]");
    assertThat(page.locator(".alert.error")).containsText("Текст: Заполните это поле.");
    Chromium.screenshot(page, "client-nojs-01-errors");

    page.selectOption("#f-subject", "OFFICE_HOURS");
    page.fill("#f-text", "Офис был закрыт в рабочее время.");
    page.fill("#f-fullName", "Смирнов Пётр");
    page.fill("#f-phone", "+7 900 222-33-44");
    page.check("#f-consent");
    page.click("button[type=submit]");
    page.waitForURL(STATUS_URL);
    caseNumber = number(page.url());
    assertThat(page.locator(".alert.success h2")).hasText("Обращение принято");
    Chromium.screenshot(page, "client-nojs-02-accepted");
  }

  /** Phone-ready: the layout width is the phone's, nothing scrolls sideways. */
  private static void assertFitsThePhone(Page page) {
    assertThat(((Number) page.evaluate("() => window.innerWidth")).intValue()).isEqualTo(360);
    assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
        .isLessThanOrEqualTo(360);
  }

  private static String number(String url) {
    Matcher m = STATUS_URL.matcher(url);
    assertThat(m.find()).as(url).isTrue();
    return m.group(1);
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 120, 60);
    g.setColor(Color.DARK_GRAY);
    g.drawString("ЧЕК 1500", 10, 35);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
