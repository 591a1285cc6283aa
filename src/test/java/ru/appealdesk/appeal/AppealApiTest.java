package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class AppealApiTest extends AbstractIntegrationTest {

  static final String LOAN_TERMS_COMPLAINT = """
      {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
       "receivedAt":"2026-11-20T10:00:00+03:00","language":"ru",
       "client":{"fullName":"Иванов Иван Иванович","phone":"+7 900 123-45-67","email":"ivanov@example.ru",
                 "postalAddress":"г. Тула, ул. Ленина, д. 1, кв. 2","postalCode":"300000",
                 "idDocument":"%s"},
       "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность",
       "situationPlace":"офис на ул. Ленина","situationAt":"2026-11-18T12:00:00+03:00","contractNumber":"ДЗ-2026-777"}
      """;

  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper json;

  Http api() {
    return Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD);
  }

  static String complaint() {
    return LOAN_TERMS_COMPLAINT.formatted("45 07 " + (100000 + (int) (Math.random() * 899999)));
  }

  @Test
  void loanTermsComplaintByEmailIsRoutedToLegalWithBranchHeadConclusion() throws Exception {
    HttpResponse<String> r = api().postJson("/api/appeals", complaint());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    String number = body.get("number").asText();
    assertThat(number).matches("RU-2026-\\d{6}");
    assertThat(body.get("responsibleGroup").asText()).isEqualTo("legal");
    assertThat(body.get("answerDueAt").asText()).isEqualTo("2026-12-04T23:59:59+03:00");
    assertThat(body.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(r.headers().firstValue("Location")).hasValue("/api/appeals/" + number);

    var tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).list();
    assertThat(tasks).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("Task_PrepareAnswer", "Task_PrepareConclusion");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("legal")
        .taskDefinitionKey("Task_PrepareAnswer").count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("branch-head")
        .taskDefinitionKey("Task_PrepareConclusion").count()).isEqualTo(1);

    JsonNode view = json.readTree(api().get("/api/appeals/" + number).body());
    assertThat(view.get("answerDueAt").asText()).isEqualTo("2026-12-04T23:59:59+03:00");
    assertThat(view.get("coExecutorGroup").asText()).isEqualTo("branch-head");
    assertThat(view.get("history")).extracting(h -> h.get("status").asText())
        .containsExactly("RECEIVED", "REGISTERED", "IN_PROGRESS");
    assertThat(view.get("openTasks")).hasSize(2);
  }
}
