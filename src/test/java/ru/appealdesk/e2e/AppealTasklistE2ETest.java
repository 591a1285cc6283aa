package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.Http;

/**
 * A complaint submitted through {@code POST /api/appeals} reaches the legal department's "Задачи группы" in Tasklist,
 * where the lawyer claims "Подготовить ответ", first trips the form's validation (answer too short), then completes
 * it, and the answer appears in the branch head's queue for approval.
 */
class AppealTasklistE2ETest extends BrowserTest {

  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper json;

  @Test
  void lawyerAnswersAFreshComplaintInTasklistAndTheBranchHeadGetsItForApproval() throws Exception {
    caseNumber = submitLoanTermsComplaint();
    Task conclusion = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_PrepareConclusion").singleResult();
    taskService.complete(conclusion.getId(), Map.of("conclusionText", "Пени начислены по п. 12 договора."));

    Tasklist lawyer = new Tasklist(chromium.newPage(), baseUrl(), "appeal")
        .login(DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD).shot("logged-in");
    lawyer.openFilter("Задачи группы").searchCase(caseNumber);
    assertThat(lawyer.taskInList("Подготовить ответ", caseNumber)).hasCount(1);
    lawyer.shot("group-queue");

    lawyer.openTask("Подготовить ответ", caseNumber).claim();
    assertThat(lawyer.field("Номер обращения")).hasValue(caseNumber);
    assertThat(lawyer.field("Заключения соисполнителей")).hasValue(
        java.util.regex.Pattern.compile(".*Пени начислены по п\\. 12 договора\\..*", java.util.regex.Pattern.DOTALL));
    lawyer.shot("claimed");

    lawyer.choose("Результат рассмотрения", "Дано разъяснение").type("Текст ответа клиенту", "Пени верны.")
        .pressComplete();
    assertThat(lawyer.fieldErrors().first()).isVisible();
    assertThat(lawyer.fieldErrors().first()).containsText("20");
    lawyer.shot("validation-error");
    assertThat(openTaskKeys()).contains("Task_PrepareAnswer");

    lawyer.fill("Текст ответа клиенту",
        "Уважаемый клиент! Пени начислены по п. 12 договора, расчёт прилагаем.").pressComplete();
    assertThat(lawyer.form()).isHidden();
    lawyer.shot("completed");
    assertThat(openTaskKeys()).containsExactly("Task_ApproveAnswer");

    Tasklist branchHead = new Tasklist(chromium.newPage(), baseUrl(), "appeal").step(5)
        .login(DemoUsers.of(AppGroup.BRANCH_HEAD).id(), DemoUsers.PASSWORD);
    branchHead.openFilter("Задачи группы").searchCase(caseNumber);
    assertThat(branchHead.taskInList("Согласовать и подписать ответ", caseNumber)).hasCount(1);
    branchHead.shot("next-group");
  }

  private java.util.List<String> openTaskKeys() {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private String submitLoanTermsComplaint() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"%s","language":"ru",
         "client":{"fullName":"Браузеров Пётр Ильич","phone":"+7 900 555-01-02","email":"browser@example.ru",
                   "postalAddress":"г. Тула, ул. Ленина, д. 3","postalCode":"300000","idDocument":"45 08 %06d"},
         "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность",
         "situationPlace":"офис на ул. Ленина","situationAt":"%s","contractNumber":"ДЗ-2026-E2E"}
        """.formatted(received, (int) (Math.random() * 999_999), received.minusDays(1));
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = json.readTree(r.body());
    assertThat(created.get("responsibleGroup").asText()).isEqualTo("legal");
    return created.get("number").asText();
  }
}
