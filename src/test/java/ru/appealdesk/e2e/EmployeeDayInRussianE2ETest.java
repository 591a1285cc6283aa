package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.Http;

/**
 * An employee's day in Russian (issue 18): the office employee logs into Tasklist (Russian login page, no vendor
 * banner), sees a count on every filter, finds a posted letter by its appeal number, trips the form's own check (a
 * required field left empty: a Russian sentence with the field's label), gets the server's refusal as one sentence that
 * leaves the form's buttons free, and opens the case card with the case's documents, downloads one and files a new
 * one. Cockpit and Admin open in Russian too. Screenshots: {@code target/e2e/russian-day-*.png}.
 */
class EmployeeDayInRussianE2ETest extends BrowserTest {

  private static final String ORIGINAL_MARKED = "Номер обращения проставлен на оригинале (§6.1.3)";

  @Autowired
  CaseFile caseFile;
  @Autowired
  ObjectMapper json;

  @Test
  void theOfficeEmployeeWorksAPostedLetterInRussianTasklist() throws Exception {
    caseNumber = postedLetter();
    caseFile.store(caseNumber, DocumentKind.ATTACHMENT, "письмо клиента.pdf", "application/pdf",
        "%PDF-1.4 письмо".getBytes(StandardCharsets.UTF_8), "officer");

    Page page = chromium.newPage();
    page.navigate(baseUrl() + "/camunda/app/tasklist/default/");
    assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Войти"))).isVisible();
    assertThat(page.getByPlaceholder("Имя пользователя")).isVisible();
    assertThat(page.locator("html")).hasAttribute("lang", "ru");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    Tasklist officer = new Tasklist(page, baseUrl(), "russian-day").shot("login");

    officer.login(DemoUsers.of(AppGroup.OFFICE_STAFF).id(), DemoUsers.PASSWORD);
    for (String filter : new String[] {"Мои задачи", "Задачи группы", "Срок сегодня", "Просроченные"}) {
      assertThat(officer.filterCount(filter)).hasCount(1);
    }
    assertThat(page.getByText("It is time to migrate", new Page.GetByTextOptions().setExact(false))).hasCount(0);
    officer.shot("filters-with-counts");

    officer.openFilter("Задачи группы").search(caseNumber);
    assertThat(officer.taskInList("Зарегистрировать обращение", caseNumber)).hasCount(1);
    assertThat(page.locator("[cam-widget-search]")).containsText("Номер дела");
    officer.shot("search-by-number");

    officer.openTask("Зарегистрировать обращение", caseNumber).claim();
    assertThat(officer.field("Дата ситуации")).hasAttribute("placeholder", "дд.мм.гггг");
    officer.pressComplete();
    assertThat(officer.fieldErrors().first()).hasText("Отметьте «" + ORIGINAL_MARKED + "».");
    assertThat(officer.form()).not().containsText("Field is required");
    officer.shot("form-error");

    officer.tick(ORIGINAL_MARKED, ORIGINAL_MARKED).fill("E-mail", "ivanov@").pressComplete();
    Locator refusal = page.locator(".page-notifications .alert-danger").last();
    assertThat(refusal).isVisible();
    assertThat(refusal).containsText(Pattern.compile("Не удалось завершить задачу:\\s*\\S"));
    assertThat(refusal).not().containsText("An error happened");
    BoundingBox banner = refusal.boundingBox();
    BoundingBox complete = officer.completeButton().boundingBox();
    assertThat(overlaps(banner, complete)).as("the refusal leaves «Завершить» free").isFalse();
    officer.shot("refusal-as-one-sentence");
    refusal.locator("button.close:visible").first().click();
    assertThat(refusal).isHidden();

    Locator card = officer.openCaseCard();
    assertThat(card.locator(".adc-title")).containsText(caseNumber);
    assertThat(card).containsText("почта или курьер");
    assertThat(card).containsText("Срок ответа клиенту");
    Locator document = card.locator("a.adc-document").filter(new Locator.FilterOptions()
        .setHasText("письмо клиента.pdf"));
    assertThat(document).hasCount(1);
    APIResponse download = page.request().get(baseUrl() + document.getAttribute("href"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 письмо");

    card.locator("input.adc-file").setInputFiles(new FilePayload("конверт.pdf", "application/pdf",
        "%PDF-1.4 конверт".getBytes(StandardCharsets.UTF_8)));
    card.getByText("Загрузить в дело").click();
    assertThat(card.locator(".adc-notice")).hasText("Документ «конверт.pdf» добавлен в дело.");
    assertThat(card.locator("a.adc-document").filter(new Locator.FilterOptions().setHasText("конверт.pdf")))
        .hasCount(1);
    assertThat(caseFile.list(caseNumber)).anySatisfy(d -> {
      assertThat(d.fileName()).isEqualTo("конверт.pdf");
      assertThat(d.uploadedBy()).isEqualTo("officer");
    });
    card.locator(".adc-upload").scrollIntoViewIfNeeded();
    officer.shot("case-card");
  }

  @Test
  void cockpitAndAdminOpenInRussian() {
    Page page = chromium.newPage();
    Tasklist admin = new Tasklist(page, baseUrl(), "russian-day").step(6);
    page.navigate(baseUrl() + "/camunda/app/cockpit/default/");
    page.getByPlaceholder("Имя пользователя").fill("demo");
    page.getByPlaceholder("Пароль").fill(DemoUsers.PASSWORD);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти"))
        .click();
    assertThat(page.getByText("Выполняющиеся экземпляры процессов")).isVisible();
    assertThat(page.locator("[cam-widget-header]")).containsText("Процессы");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    admin.shot("cockpit");

    page.navigate(baseUrl() + "/camunda/app/admin/default/#/users");
    assertThat(page.getByText("Список пользователей").first()).isVisible();
    assertThat(page.locator("[cam-widget-header]")).containsText("Пользователи");
    admin.shot("admin");
  }

  private static boolean overlaps(BoundingBox a, BoundingBox b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }

  /** A complaint that came by post: the office registers it in Tasklist. */
  private String postedLetter() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.OFFICE_STAFF).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", """
            {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"LETTER","language":"ru",
             "receivedAt":"%s",
             "client":{"fullName":"Почтовый Павел Петрович","postalAddress":"г. Тула, ул. Мира, д. 5",
                       "postalCode":"300001"},
             "content":"Прошу пересчитать пени по договору.","demand":"Пересчитать пени",
             "contractNumber":"ДЗ-2026-LETTER"}
            """.formatted(received));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }
}
