package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.Http;

/**
 * Issue 18: the KZ review form locked itself — a field shown only when documents are requested, left in error and then
 * hidden again, kept «Complete» disabled with no message in sight. The officer now changes her mind freely; what the
 * hidden field needs is checked on the server.
 */
class RestructuringReviewFormE2ETest extends BrowserTest {

  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper json;

  @Test
  void theOfficerChangesHerMindAboutDocumentsAndCanStillComplete() throws Exception {
    caseNumber = apply();
    Tasklist officer = new Tasklist(chromium.newPage(), baseUrl(), "restructuring-review")
        .login(DemoUsers.of(AppGroup.CLIENT_RIGHTS_OFFICER).id(), DemoUsers.PASSWORD);
    officer.openFilter("Задачи группы").searchCase(caseNumber);
    officer.openTask("Рассмотреть заявление", caseNumber).claim();
    assertThat(officer.field("Номер заявления")).hasValue(caseNumber);

    officer.tick("Документы", "Запросить у клиента документы");
    assertThat(officer.field("Какие документы нужны")).isVisible();
    officer.fill("Какие документы нужны", "Справка");
    officer.fill("Какие документы нужны", "");
    officer.shot("documents-field-emptied");
    officer.tick("Документы", "Документов достаточно");
    assertThat(officer.form().getByLabel("Какие документы нужны")).hasCount(0);
    assertThat(officer.fieldErrors()).hasCount(0);
    assertThat(officer.completeButton()).isEnabled();
    officer.shot("changed-mind");

    officer.pressComplete();
    assertThat(officer.form()).isHidden();
    officer.shot("completed");
    assertThat(openTaskKeys()).containsExactly("Task_PrepareDecision");
  }

  private List<String> openTaskKeys() {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private String apply() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Asia/Almaty")).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"borrower": {"fullName": "Браузерова Дана", "iin": "900101400122", "phone": "+77010000002"},
         "contractNumber": "MK-%s", "language": "ru", "receivedAt": "%s",
         "requestedOptions": ["PAYMENT_DEFERRAL"], "circumstances": "Болезнь",
         "monthlyIncome": [100,100,100,100,100,100,100,100,100,100,90,90]}
        """.formatted(UUID.randomUUID(), received);
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.CLIENT_RIGHTS_OFFICER).id(),
        DemoUsers.PASSWORD).postJson("/api/restructurings", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }
}
