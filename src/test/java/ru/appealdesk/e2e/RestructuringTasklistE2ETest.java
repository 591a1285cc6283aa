package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.Http;

/**
 * A KZ restructuring application ({@code POST /api/restructurings}) reviewed by the client-rights officer reaches the
 * credit committee's "Задачи группы"; the committee member claims "Подготовить решение", trips the form's validation
 * (term over 120 months), completes the decision, and it appears in the client-rights officer's queue for approval.
 */
class RestructuringTasklistE2ETest extends BrowserTest {

  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper json;

  @Test
  void committeeDecidesInTasklistAndTheClientRightsOfficerGetsItForApproval() throws Exception {
    caseNumber = apply();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ReviewApplication").singleResult();
    taskService.complete(review.getId(), Map.of("documentsNeeded", false));

    Tasklist committee = new Tasklist(chromium.newPage(), baseUrl(), "restructuring")
        .login(DemoUsers.of(AppGroup.CREDIT_COMMITTEE).id(), DemoUsers.PASSWORD).shot("logged-in");
    committee.openFilter("Задачи группы").searchCase(caseNumber);
    assertThat(committee.taskInList("Подготовить решение", caseNumber)).hasCount(1);
    committee.shot("group-queue");

    committee.openTask("Подготовить решение", caseNumber).claim();
    assertThat(committee.field("Номер заявления")).hasValue(caseNumber);
    committee.shot("claimed");

    committee.tick("Решение (п. 73)", "Согласие с предложенными изменениями")
        .tick("Варианты урегулирования", "Отсрочка платежа")
        .fill("Условия: суммы, даты", "Отсрочка основного долга на 6 месяцев")
        .fill("Срок действия измененных условий", "200");
    // a number out of range is flagged as soon as it is typed, and Tasklist will not complete the form
    assertThat(committee.fieldErrors().first()).isVisible();
    assertThat(committee.completeButton()).isDisabled();
    assertThat(committee.fieldErrors().first()).containsText("120");
    committee.shot("validation-error");
    assertThat(openTaskKeys()).containsExactly("Task_PrepareDecision");

    committee.fill("Срок действия измененных условий", "6").pressComplete();
    assertThat(committee.form()).isHidden();
    committee.shot("completed");
    assertThat(openTaskKeys()).containsExactly("Task_ApproveDecision");

    Tasklist officer = new Tasklist(chromium.newPage(), baseUrl(), "restructuring").step(5)
        .login(DemoUsers.of(AppGroup.CLIENT_RIGHTS_OFFICER).id(), DemoUsers.PASSWORD);
    officer.openFilter("Задачи группы").searchCase(caseNumber);
    assertThat(officer.taskInList("Согласовать решение (ДЛПК)", caseNumber)).hasCount(1);
    officer.shot("next-group");
  }

  private List<String> openTaskKeys() {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private String apply() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Asia/Almaty")).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"borrower": {"fullName": "Браузерова Айгуль", "iin": "900101400122", "phone": "+77010000001",
                      "email": "browser@example.kz", "postalAddress": "Алматы"},
         "contractNumber": "MK-%s", "language": "ru", "receivedAt": "%s",
         "requestedOptions": ["PAYMENT_DEFERRAL"], "circumstances": "Потеря работы",
         "monthlyIncome": [106,106,106,106,106,106,106,106,106,106,70,70],
         "sociallyVulnerable": false, "targetedSocialAssistance": false, "emergencyAffected": false}
        """.formatted(UUID.randomUUID(), received);
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.CLIENT_RIGHTS_OFFICER).id(),
        DemoUsers.PASSWORD).postJson("/api/restructurings", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }
}
